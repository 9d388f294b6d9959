package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.ext.fdw.topology.Goal;

/** {@code liquibase fdw update-sql}: Write the SQL an update would run to <output-directory>/<node>.sql, changing nothing. */
public class FdwUpdateSqlCommandStep extends FdwCommandStep {
    private static final String NAME = "updateSql";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.UPDATE_SQL;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Write the SQL an update would run to <output-directory>/<node>.sql, changing nothing";
    }
}
