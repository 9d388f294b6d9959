package liquibase.ext.fdw.topology.command;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import liquibase.Scope;
import liquibase.command.AbstractCommandStep;
import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandBuilder;
import liquibase.command.CommandDefinition;
import liquibase.command.CommandResultsBuilder;
import liquibase.command.CommandScope;
import liquibase.exception.CommandExecutionException;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.InvalidArgumentException;
import liquibase.ext.fdw.topology.OnFailure;
import liquibase.ext.fdw.topology.RunReport;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.TopologyLog;
import liquibase.ext.fdw.topology.TopologyRequest;
import liquibase.ui.UIService;

/**
 * The topology engine as a Liquibase CLI command ({@code liquibase fdw <goal> --topology-file=...}): the arguments
 * come from the command line, {@code liquibase.properties} or {@code LIQUIBASE_COMMAND_FDW_*} like Liquibase's own,
 * are mapped onto a {@link TopologyRequest}, and the engine's exceptions are worded for the CLI ({@link CliMessages}).
 */
public abstract class FdwCommandStep extends AbstractCommandStep {
    /** The group every command of the engine sits in. */
    public static final String GROUP = "fdw";

    /** The arguments every fdw command takes, defined once per command name. */
    protected static final class Arguments {
        final CommandArgumentDefinition<String> topologyFile;
        final CommandArgumentDefinition<String> nodes;
        final CommandArgumentDefinition<String> contexts;
        final CommandArgumentDefinition<String> labels;
        final CommandArgumentDefinition<Integer> parallelism;
        final CommandArgumentDefinition<String> onFailure;
        final CommandArgumentDefinition<String> changeLogDirectory;
        final CommandArgumentDefinition<String> outputDirectory;
        final CommandArgumentDefinition<String> nodesDirectory;
        final CommandArgumentDefinition<Integer> postgresVersion;
        final CommandArgumentDefinition<Integer> connectTimeout;
        final CommandArgumentDefinition<Integer> loginTimeout;
        final CommandArgumentDefinition<Integer> socketTimeout;

        Arguments(CommandBuilder builder) {
            topologyFile = builder.argument("topologyFile", String.class).required()
                    .description("The topology file (YAML); changelog paths in it are relative to its directory").build();
            nodes = builder.argument("nodes", String.class)
                    .description("Comma-separated node names to run on (default: every node)").build();
            contexts = builder.argument("contexts", String.class)
                    .description("Liquibase contexts for every node, added to each node's own").build();
            labels = builder.argument("labels", String.class)
                    .description("Label expression for every node, combined (and) with each node's own").build();
            parallelism = builder.argument("parallelism", Integer.class)
                    .description("How many nodes of one dependency level run at once (default: all)").build();
            onFailure = builder.argument("onFailure", String.class).defaultValue("stop")
                    .description("What a failing node does to the run: stop, continue or rollback").build();
            changeLogDirectory = builder.argument("changeLogDirectory", String.class)
                    .description("Directory the changelog paths are relative to (default: the topology file's)").build();
            outputDirectory = builder.argument("outputDirectory", String.class).defaultValue("fdw")
                    .description("Where SQL files and report.json are written").build();
            nodesDirectory = builder.argument("nodesDirectory", String.class).defaultValue("fdw/nodes")
                    .description("Where embedded nodes keep their data").build();
            postgresVersion = builder.argument("postgresVersion", Integer.class)
                    .description("PostgreSQL major of embedded nodes (overrides the topology file)").build();
            connectTimeout = builder.argument("connectTimeout", Integer.class).defaultValue(10)
                    .description("Seconds to wait for a node's TCP connection").build();
            loginTimeout = builder.argument("loginTimeout", Integer.class).defaultValue(30)
                    .description("Seconds to wait for a node to complete the login").build();
            socketTimeout = builder.argument("socketTimeout", Integer.class).defaultValue(1800)
                    .description("Seconds to wait for any one answer of a node; 0 waits forever").build();
        }
    }

    /** The engine goal this command runs. */
    protected abstract Goal goal();

    /** The shared arguments of this command. */
    protected abstract Arguments arguments();

    /** Adds the goal's own arguments (count, tag, date, force) to the request. */
    protected void goalArguments(CommandScope scope, TopologyRequest.Builder request) {
    }

    @Override
    public void adjustCommandDefinition(CommandDefinition definition) {
        definition.setShortDescription(description());
        definition.setGroupShortDescription(new String[] {GROUP},
                "Run Liquibase across a topology of PostgreSQL nodes (coordinator and shards)");
    }

    /** One line for {@code --help}. */
    protected abstract String description();

    @Override
    public void run(CommandResultsBuilder resultsBuilder) throws Exception {
        CommandScope scope = resultsBuilder.getCommandScope();
        Arguments args = arguments();
        TopologyRequest.Builder request = TopologyRequest.builder(goal())
                .topologyFile(Path.of(scope.getArgumentValue(args.topologyFile)))
                .nodes(scope.getArgumentValue(args.nodes))
                .contexts(scope.getArgumentValue(args.contexts))
                .labels(scope.getArgumentValue(args.labels))
                .parallelism(scope.getArgumentValue(args.parallelism))
                .changeLogDirectory(path(scope.getArgumentValue(args.changeLogDirectory)))
                .outputDirectory(Path.of(scope.getArgumentValue(args.outputDirectory)))
                .nodesDirectory(Path.of(scope.getArgumentValue(args.nodesDirectory)))
                .postgresVersion(scope.getArgumentValue(args.postgresVersion))
                .environment(System.getenv())
                // settings.xml servers belong to Maven; the CLI has no credential store.
                .credentials(serverId -> null);
        // The UI of the command, captured before the engine sets its own scopes (whose UI goes to the log).
        UIService ui = Scope.getCurrentScope().getUI();
        try {
            request.onFailure(OnFailure.parse(scope.getArgumentValue(args.onFailure)))
                    .timeouts(new TopologyRequest.Timeouts(scope.getArgumentValue(args.connectTimeout),
                            scope.getArgumentValue(args.loginTimeout), scope.getArgumentValue(args.socketTimeout)));
            goalArguments(scope, request);
            TopologyLog log = log(ui);
            execute(new TopologyEngine(log), request.build(), log, scope, resultsBuilder);
        } catch (TopologyException e) {
            throw new CommandExecutionException(CliMessages.describe(e, scope.getArgumentValue(args.topologyFile)));
        }
    }

    /**
     * Runs the request; a failed node fails the command. Goals that are not a run on each node (verify, graph)
     * replace this with their own entry point.
     */
    protected void execute(TopologyEngine engine, TopologyRequest request, TopologyLog log, CommandScope scope,
            CommandResultsBuilder resultsBuilder) throws CommandExecutionException {
        RunReport report = engine.run(request);
        resultsBuilder.addResult("report", report);
        if (report.failed()) {
            String failure = report.firstFailure();
            throw new CommandExecutionException("liquibase " + GROUP + " " + CliMessages.kebab(commandName())
                    + " failed on " + (failure == null ? "the topology" : failure));
        }
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** Parses {@code yyyy-MM-dd'T'HH:mm:ss} (local time) or {@code yyyy-MM-dd}. */
    static Date date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            LocalDateTime time = value.length() == 10 ? LocalDateTime.parse(value + "T00:00:00") : LocalDateTime.parse(value);
            return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException("rollbackDate", "date is '" + value
                    + "'; write yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd, e.g. --date=2026-01-31T18:00:00.");
        }
    }

    private static TopologyLog log(UIService ui) {
        return new TopologyLog() {
            @Override
            public void debug(String message) {
                // Liquibase's own --log-level covers what the engine logs at debug.
            }

            @Override
            public void info(String message) {
                ui.sendMessage(message);
            }

            @Override
            public void warn(String message) {
                ui.sendMessage("WARNING: " + message);
            }

            @Override
            public void error(String message) {
                ui.sendErrorMessage(message);
            }
        };
    }

    /** Command name {@code fdw <name>} as Liquibase defines it. */
    protected static String[] name(String goal) {
        return new String[] {GROUP, goal};
    }

    /** The command's name after {@code fdw}, in Liquibase's camel case ({@code updateSql} is {@code update-sql}). */
    protected abstract String commandName();

    @Override
    public String[][] defineCommandNames() {
        return new String[][] {name(commandName())};
    }

    /** Nothing before this step: the engine opens its own connections. */
    @Override
    public List<Class<?>> requiredDependencies() {
        return List.of();
    }
}
