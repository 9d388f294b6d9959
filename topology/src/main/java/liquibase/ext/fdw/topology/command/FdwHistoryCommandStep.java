package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.ext.fdw.topology.Goal;

/** {@code liquibase fdw history}: List the changesets applied on each node. */
public class FdwHistoryCommandStep extends FdwCommandStep {
    private static final String NAME = "history";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.HISTORY;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "List the changesets applied on each node";
    }
}
