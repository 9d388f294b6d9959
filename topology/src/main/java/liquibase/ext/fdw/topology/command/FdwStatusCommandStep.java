package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.ext.fdw.topology.Goal;

/** {@code liquibase fdw status}: List each node's pending changesets. */
public class FdwStatusCommandStep extends FdwCommandStep {
    private static final String NAME = "status";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.STATUS;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "List each node's pending changesets";
    }
}
