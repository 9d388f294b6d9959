package liquibase.ext.fdw.topology;

import java.io.Writer;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ResourceAccessor;

/** One goal on one node, through Liquibase's API, with the node's changelog parameters and progress listener. */
final class NodeWork {
    private final NodeSession session;
    private final RunSettings settings;
    private final ProgressListener listener;
    private final Map<String, String> parameters;
    private final TopologyLog log;

    /** What the goal did on the node. */
    record Outcome(int applied, int skipped, int pending, String message, List<String> lines) {
    }

    NodeWork(NodeSession session, RunSettings settings, ProgressListener listener, Map<String, String> parameters,
            TopologyLog log) {
        this.session = session;
        this.settings = settings;
        this.listener = listener;
        this.parameters = parameters;
        this.log = log;
    }

    /** Changesets applied so far (those stay committed when a later one fails). */
    int applied() {
        return listener.executed();
    }

    Outcome run(ResourceAccessor accessor) throws Exception {
        Liquibase liquibase = session.liquibase(accessor, parameters);
        liquibase.setChangeExecListener(listener);
        Contexts contexts = new Contexts(join(session.node().contexts(), settings.contexts()));
        LabelExpression labels = new LabelExpression(labels(session.node().labels(), settings.labels()));
        String node = session.node().name();
        TopologyLockServices.register();
        return switch (settings.goal()) {
            case UPDATE -> update(liquibase, contexts, labels);
            case UPDATE_SQL -> updateSql(liquibase, contexts, labels, node);
            case ROLLBACK -> rollback(liquibase, contexts, labels, null);
            case ROLLBACK_SQL -> rollbackSql(liquibase, contexts, labels, node);
            case STATUS -> status(liquibase, contexts, labels, node);
            case VALIDATE -> {
                liquibase.validate();
                log.info("[" + node + "] changelog " + session.node().changeLogFile() + " is valid");
                yield new Outcome(0, 0, 0, null, List.of());
            }
            case TAG -> {
                liquibase.tag(settings.rollbackTag());
                log.info("[" + node + "] tagged " + settings.rollbackTag());
                yield new Outcome(0, 0, 0, "tagged " + settings.rollbackTag(), List.of());
            }
            case HISTORY -> history(node);
            case RELEASE_LOCKS -> {
                liquibase.forceReleaseLocks();
                log.info("[" + node + "] Liquibase lock released");
                yield new Outcome(0, 0, 0, "lock released", List.of());
            }
        };
    }

    private Outcome update(Liquibase liquibase, Contexts contexts, LabelExpression labels) throws LiquibaseException {
        int total = liquibase.getDatabaseChangeLog().getChangeSets().size();
        liquibase.update(contexts, labels);
        return new Outcome(listener.executed(), total - listener.executed(), 0, null, List.of());
    }

    private Outcome updateSql(Liquibase liquibase, Contexts contexts, LabelExpression labels, String node)
            throws Exception {
        List<ChangeSet> pending = liquibase.listUnrunChangeSets(contexts, labels);
        try (Writer writer = TopologyRunner.sqlWriter(settings, node + ".sql")) {
            liquibase.update(contexts, labels, writer);
        }
        String file = settings.outputDirectory().resolve(node + ".sql").toString();
        log.info("[" + node + "] SQL of " + pending.size() + " pending changeset(s) written to " + file);
        return new Outcome(0, 0, pending.size(), file, List.of());
    }

    private Outcome rollback(Liquibase liquibase, Contexts contexts, LabelExpression labels, Writer writer)
            throws LiquibaseException {
        if (settings.rollbackCount() != null) {
            if (writer == null) {
                liquibase.rollback(settings.rollbackCount(), null, contexts, labels);
            } else {
                liquibase.rollback(settings.rollbackCount(), null, contexts, labels, writer);
            }
        } else if (settings.rollbackTag() != null) {
            if (writer == null) {
                liquibase.rollback(settings.rollbackTag(), null, contexts, labels);
            } else {
                liquibase.rollback(settings.rollbackTag(), null, contexts, labels, writer);
            }
        } else if (writer == null) {
            liquibase.rollback(settings.rollbackDate(), null, contexts, labels);
        } else {
            liquibase.rollback(settings.rollbackDate(), null, contexts, labels, writer);
        }
        return new Outcome(listener.rolledBack(), 0, 0, null, List.of());
    }

    private Outcome rollbackSql(Liquibase liquibase, Contexts contexts, LabelExpression labels, String node)
            throws Exception {
        try (Writer writer = TopologyRunner.sqlWriter(settings, node + "-rollback.sql")) {
            rollback(liquibase, contexts, labels, writer);
        }
        String file = settings.outputDirectory().resolve(node + "-rollback.sql").toString();
        log.info("[" + node + "] rollback SQL written to " + file);
        return new Outcome(0, 0, 0, file, List.of());
    }

    private Outcome status(Liquibase liquibase, Contexts contexts, LabelExpression labels, String node)
            throws LiquibaseException {
        List<String> lines = new ArrayList<>();
        for (ChangeSet changeSet : liquibase.listUnrunChangeSets(contexts, labels)) {
            lines.add("pending " + ProgressListener.id(changeSet));
        }
        int total = liquibase.getDatabaseChangeLog().getChangeSets().size();
        log.info("[" + node + "] " + (lines.isEmpty() ? "up to date" : lines.size() + " changeset(s) pending"));
        lines.forEach(line -> log.info("[" + node + "]   " + line));
        return new Outcome(0, total - lines.size(), lines.size(), null, lines);
    }

    private Outcome history(String node) throws LiquibaseException {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        List<String> lines = new ArrayList<>();
        for (RanChangeSet ran : ChangeLogHistoryServiceFactory.getInstance()
                .getChangeLogService(session.database()).getRanChangeSets()) {
            lines.add(format.format(ran.getDateExecuted()) + " " + ran.getChangeLog() + "::" + ran.getId() + "::"
                    + ran.getAuthor() + " " + ran.getExecType() + (ran.getTag() == null ? "" : " tag " + ran.getTag()));
        }
        log.info("[" + node + "] " + lines.size() + " changeset(s) applied");
        lines.forEach(line -> log.info("[" + node + "]   " + line));
        return new Outcome(0, 0, 0, null, lines);
    }

    /**
     * The most useful message of a failure on one line: Liquibase wraps the SQL error several times, each wrapper
     * repeating the cause with its class name in front.
     */
    static String describe(Throwable failure) {
        Throwable deepest = failure;
        StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            String text = deepest.getMessage();
            if (text != null && !message.toString().contains(text)) {
                message.append(" | ").append(text);
            }
        }
        return message.toString().replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "")
                .replaceAll("\\s+", " ").trim();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + "," + b;
    }

    private static String labels(String node, String run) {
        if (node == null) {
            return run == null ? "" : run;
        }
        return run == null ? node : "(" + node + ") and (" + run + ")";
    }
}
