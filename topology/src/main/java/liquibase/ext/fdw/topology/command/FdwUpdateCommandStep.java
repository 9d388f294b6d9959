package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandBuilder;
import liquibase.command.CommandScope;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyRequest;

/** {@code liquibase fdw update}: Apply every node's pending changesets, dependencies first, independent nodes in parallel. */
public class FdwUpdateCommandStep extends FdwCommandStep {
    private static final String NAME = "update";
    private static final CommandBuilder BUILDER = new CommandBuilder(name(NAME));
    private static final Arguments ARGUMENTS = new Arguments(BUILDER);
    private static final CommandArgumentDefinition<Boolean> ATOMIC = BUILDER.argument("atomic", Boolean.class)
            .description("All nodes commit or none does: one transaction per node, two-phase commit"
                    + " (default: the topology file's 'atomic')").build();

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

    @Override
    protected void goalArguments(CommandScope scope, TopologyRequest.Builder request) {
        request.atomic(scope.getArgumentValue(ATOMIC));
    }
}
