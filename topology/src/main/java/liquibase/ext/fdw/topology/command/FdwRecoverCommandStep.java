package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.ext.fdw.topology.Goal;

/**
 * {@code liquibase fdw recover}: finishes what a crashed atomic update left prepared on the nodes, committing a
 * run's transactions when its decision was recorded and rolling them back otherwise.
 */
public class FdwRecoverCommandStep extends FdwCommandStep {
    private static final String NAME = "recover";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.RECOVER;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Commit or roll back what a crashed atomic update left prepared on the nodes";
    }
}
