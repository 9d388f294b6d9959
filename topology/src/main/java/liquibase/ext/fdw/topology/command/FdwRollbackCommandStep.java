package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandBuilder;
import liquibase.command.CommandScope;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyRequest;

/** {@code liquibase fdw rollback --count=N|--tag=T|--date=D}: every node, dependents first. */
public class FdwRollbackCommandStep extends FdwCommandStep {
    private static final String NAME = "rollback";
    private static final CommandBuilder BUILDER = new CommandBuilder(name(NAME));
    private static final Arguments ARGUMENTS = new Arguments(BUILDER);
    private static final CommandArgumentDefinition<Integer> COUNT = BUILDER.argument("count", Integer.class)
            .description("Number of changesets to roll back on each node").build();
    private static final CommandArgumentDefinition<String> TAG = BUILDER.argument("tag", String.class)
            .description("Tag to roll back to on each node").build();
    private static final CommandArgumentDefinition<String> DATE = BUILDER.argument("date", String.class)
            .description("Date to roll back to: yyyy-MM-dd'T'HH:mm:ss (local time) or yyyy-MM-dd").build();

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.ROLLBACK;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Roll every node back by --count, to --tag or to --date, dependents first";
    }

    @Override
    protected void goalArguments(CommandScope scope, TopologyRequest.Builder request) {
        request.rollbackCount(scope.getArgumentValue(COUNT)).tag(scope.getArgumentValue(TAG))
                .rollbackDate(date(scope.getArgumentValue(DATE)));
    }
}
