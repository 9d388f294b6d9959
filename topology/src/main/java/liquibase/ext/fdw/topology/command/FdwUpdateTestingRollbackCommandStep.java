package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.ext.fdw.topology.Goal;

/**
 * {@code liquibase fdw update-testing-rollback}: update, roll back what the update applied (dependents first), check
 * every node's catalogs and rows are as before the update, update again.
 */
public class FdwUpdateTestingRollbackCommandStep extends FdwCommandStep {
    private static final String NAME = "updateTestingRollback";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.UPDATE_TESTING_ROLLBACK;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Update, roll back what the update applied, check every node's catalogs and rows are as before, update"
                + " again";
    }
}
