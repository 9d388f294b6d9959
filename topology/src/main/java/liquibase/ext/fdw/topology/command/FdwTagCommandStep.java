package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandBuilder;
import liquibase.command.CommandScope;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyRequest;

/** {@code liquibase fdw tag --tag=T}: tags the current state of every node. */
public class FdwTagCommandStep extends FdwCommandStep {
    private static final String NAME = "tag";
    private static final CommandBuilder BUILDER = new CommandBuilder(name(NAME));
    private static final Arguments ARGUMENTS = new Arguments(BUILDER);
    private static final CommandArgumentDefinition<String> TAG = BUILDER.argument("tag", String.class).required()
            .description("The tag to set on every node").build();

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.TAG;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Tag the current state of every node";
    }

    @Override
    protected void goalArguments(CommandScope scope, TopologyRequest.Builder request) {
        request.tag(scope.getArgumentValue(TAG));
    }
}
