package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandBuilder;
import liquibase.command.CommandScope;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyRequest;

/** {@code liquibase fdw release-locks}: frees locks left by a process that died; a live run's lock needs --force. */
public class FdwReleaseLocksCommandStep extends FdwCommandStep {
    private static final String NAME = "releaseLocks";
    private static final CommandBuilder BUILDER = new CommandBuilder(name(NAME));
    private static final Arguments ARGUMENTS = new Arguments(BUILDER);
    private static final CommandArgumentDefinition<Boolean> FORCE = BUILDER.argument("force", Boolean.class)
            .defaultValue(false).description("Free the lock even when the run holding it is still connected").build();

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.RELEASE_LOCKS;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Release the Liquibase lock of each node left by a process that died";
    }

    @Override
    protected void goalArguments(CommandScope scope, TopologyRequest.Builder request) {
        request.force(Boolean.TRUE.equals(scope.getArgumentValue(FORCE)));
    }
}
