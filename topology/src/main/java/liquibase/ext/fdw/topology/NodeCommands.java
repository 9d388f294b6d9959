package liquibase.ext.fdw.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.exception.LiquibaseException;

/**
 * One goal on one node, through Liquibase's {@link CommandScope} as the Liquibase CLI runs it: the node's open
 * database is passed as the {@code database} argument, the changelog parameters as {@code changelogParameters},
 * the progress listener as {@code changeExecListener}. What a command prints goes to the debug log, or, for the SQL
 * goals, masked into {@code <node>.sql} / {@code <node>-rollback.sql}.
 */
final class NodeCommands {
    private final NodeSession session;
    private final RunSettings settings;
    private final ProgressListener listener;
    private final Map<String, String> parameters;
    private final TopologyLog log;
    private final Redactor redactor;

    /** What the goal did on the node. */
    record Outcome(int applied, int skipped, int pending, String message, List<String> lines) {
    }

    NodeCommands(NodeSession session, RunSettings settings, ProgressListener listener, Map<String, String> parameters,
            TopologyLog log, Redactor redactor) {
        this.session = session;
        this.settings = settings;
        this.listener = listener;
        this.parameters = parameters;
        this.log = log;
        this.redactor = redactor;
    }

    /** Changesets applied so far (those stay committed when a later one fails). */
    int applied() {
        return listener.executed();
    }

    /** Runs the goal; {@code total} is the number of changesets in the node's changelog. */
    Outcome run(int total) throws Exception {
        String node = session.node().name();
        TopologyLockServices.register();
        return switch (settings.goal()) {
            case UPDATE -> {
                run(changelogCommand("update"));
                yield new Outcome(listener.executed(), total - listener.executed(), 0, null, List.of());
            }
            case UPDATE_SQL -> {
                Path file = writeSql(changelogCommand("updateSql"), node + ".sql");
                log.info("[" + node + "] SQL of " + listener.executed() + " pending changeset(s) written to " + file);
                yield new Outcome(0, 0, listener.executed(), file.toString(), List.of());
            }
            case ROLLBACK -> {
                run(rollbackCommand(false));
                yield new Outcome(listener.rolledBack(), 0, 0, null, List.of());
            }
            case ROLLBACK_SQL -> {
                Path file = writeSql(rollbackCommand(true), node + "-rollback.sql");
                log.info("[" + node + "] rollback SQL written to " + file);
                yield new Outcome(0, 0, 0, file.toString(), List.of());
            }
            case STATUS -> status(node, total);
            case VALIDATE -> {
                run(changelogCommand("validate"));
                log.info("[" + node + "] changelog " + session.node().changeLogFile() + " is valid");
                yield new Outcome(0, 0, 0, null, List.of());
            }
            case TAG -> {
                run(command("tag").addArgumentValue("tag", settings.rollbackTag()));
                log.info("[" + node + "] tagged " + settings.rollbackTag());
                yield new Outcome(0, 0, 0, "tagged " + settings.rollbackTag(), List.of());
            }
            case HISTORY -> history(node);
            // The runner recovers over its own connections (Recovery), never per node.
            case RECOVER -> throw new IllegalStateException("recover does not run per node");
            // The engine runs it as update and rollback goals (UpdateTestingRollback), never per node.
            case UPDATE_TESTING_ROLLBACK -> throw new IllegalStateException("updateTestingRollback does not run per node");
            // Verify runs over all nodes at once (VerifyRun), never through the runner.
            case VERIFY -> throw new IllegalStateException("verify does not run per node");
            case RELEASE_LOCKS -> {
                run(command("releaseLocks"));
                log.info("[" + node + "] Liquibase lock released");
                yield new Outcome(0, 0, 0, "lock released", List.of());
            }
        };
    }

    private CommandScope command(String... name) throws Exception {
        return new CommandScope(name).addArgumentValue("database", session.database());
    }

    /** A command on the node's changelog with the run's filters, parameters and listener. */
    private CommandScope changelogCommand(String name) throws Exception {
        ChangeLogParameters changeLogParameters = new ChangeLogParameters(session.database());
        parameters.forEach(changeLogParameters::set);
        return command(name)
                .addArgumentValue("changelogFile", session.node().changeLogFile())
                .addArgumentValue("changelogParameters", changeLogParameters)
                .addArgumentValue("contextFilter", Filters.contexts(session.node().contexts(), settings.contexts()))
                .addArgumentValue("labelFilter", Filters.labels(session.node().labels(), settings.labels()))
                .addArgumentValue("changeExecListener", listener)
                // The runner prints one summary table for all nodes; Liquibase's per-node summary goes to the log.
                .addArgumentValue("showSummaryOutput", UpdateSummaryOutputEnum.LOG);
    }

    private CommandScope rollbackCommand(boolean sql) throws Exception {
        String suffix = sql ? "Sql" : "";
        if (settings.rollbackCount() != null) {
            return changelogCommand("rollbackCount" + suffix).addArgumentValue("count", settings.rollbackCount());
        }
        if (settings.rollbackTag() != null) {
            return changelogCommand("rollback" + suffix).addArgumentValue("tag", settings.rollbackTag());
        }
        return changelogCommand("rollbackToDate" + suffix).addArgumentValue("date", settings.rollbackDate());
    }

    /** Runs the command; what it prints goes to the debug log. */
    private String run(CommandScope command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.setOutput(out).execute();
        String text = out.toString(StandardCharsets.UTF_8);
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                log.debug("[" + session.node().name() + "] " + line.strip());
            }
        }
        return text;
    }

    /** Runs a SQL-writing command and writes what it printed, masked, to {@code fileName}. */
    private Path writeSql(CommandScope command, String fileName) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.setOutput(out).execute();
        Path file = settings.outputDirectory().resolve(fileName);
        try {
            Files.createDirectories(settings.outputDirectory());
            Files.writeString(file, redactor.scrub(out.toString(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TopologyException("node '" + session.node().name() + "': cannot write " + file + ": "
                    + e.getMessage(), e);
        }
        return file;
    }

    /** Status through the {@code status} command; its verbose listing names each pending changeset. */
    private Outcome status(String node, int total) throws Exception {
        String text = run(changelogCommand("status").addArgumentValue("verbose", true));
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            // The verbose listing indents each pending changeset as path::id::author.
            if (line.startsWith("     ") && line.contains("::")) {
                lines.add("pending " + line.strip());
            }
        }
        log.info("[" + node + "] " + (lines.isEmpty() ? "up to date" : lines.size() + " changeset(s) pending"));
        lines.forEach(line -> log.info("[" + node + "]   " + line));
        return new Outcome(0, total - lines.size(), lines.size(), null, lines);
    }

    /**
     * The applied changesets, read from the node's history service (the same one the {@code history} command
     * prints), one line each with date, id, type and tag.
     */
    private Outcome history(String node) throws LiquibaseException {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        List<String> lines = new ArrayList<>();
        for (RanChangeSet ran : Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                .getChangeLogService(session.database()).getRanChangeSets()) {
            lines.add(format.format(ran.getDateExecuted()) + " " + ran.getChangeLog() + "::" + ran.getId() + "::"
                    + ran.getAuthor() + " " + ran.getExecType() + (ran.getTag() == null ? "" : " tag " + ran.getTag()));
        }
        log.info("[" + node + "] " + lines.size() + " changeset(s) applied");
        lines.forEach(line -> log.info("[" + node + "]   " + line));
        return new Outcome(0, 0, 0, null, lines);
    }
}
