package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.ext.fdw.topology.Goal;

/** {@code liquibase fdw update}: Apply every node's pending changesets, dependencies first, independent nodes in parallel. */
public class FdwUpdateCommandStep extends FdwCommandStep {
    private static final String NAME = "update";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.UPDATE;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Apply every node's pending changesets, dependencies first, independent nodes in parallel";
    }
}
