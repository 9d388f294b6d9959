package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.ext.fdw.topology.Goal;

/** {@code liquibase fdw validate}: Validate each node's changelog against the node. */
public class FdwValidateCommandStep extends FdwCommandStep {
    private static final String NAME = "validate";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.VALIDATE;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Validate each node's changelog against the node";
    }
}
