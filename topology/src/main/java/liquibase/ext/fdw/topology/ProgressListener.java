package liquibase.ext.fdw.topology;

import java.util.concurrent.atomic.AtomicInteger;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/** Prints one line per changeset of a node as Liquibase runs it, and counts what was applied or rolled back. */
final class ProgressListener extends AbstractChangeExecListener {
    private final String node;
    private final TopologyLog log;
    private final Redactor redactor;
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private volatile boolean reportedFailure;
    private volatile String rollingBack;
    private final boolean writesSql;
    private volatile long started = System.nanoTime();

    /** {@code writesSql}: the goal writes SQL to a file instead of changing the node. */
    ProgressListener(String node, TopologyLog log, Redactor redactor, boolean writesSql) {
        this.node = node;
        this.log = log;
        this.redactor = redactor;
        this.writesSql = writesSql;
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.RunStatus runStatus) {
        started = System.nanoTime();
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
        if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN) {
            executed.incrementAndGet();
        }
        String verb = writesSql ? "wrote SQL of" : switch (execType) {
            case EXECUTED -> "applied";
            case RERAN -> "re-applied";
            case MARK_RAN -> "marked ran";
            default -> execType.name().toLowerCase();
        };
        log.info("[" + node + "] " + verb + " " + id(changeSet) + " (" + elapsed() + " ms)");
    }

    @Override
    public void willRollback(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        started = System.nanoTime();
        rollingBack = id(changeSet);
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        rolledBack.incrementAndGet();
        rollingBack = null;
        log.info("[" + node + "] " + (writesSql ? "wrote rollback SQL of " : "rolled back ") + id(changeSet) + " (" + elapsed() + " ms)");
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
        reportedFailure = true;
        log.error("[" + node + "] failed " + id(changeSet) + " (" + elapsed() + " ms): "
                + redactor.scrub(Failures.describe(exception)));
    }

    int executed() {
        return executed.get();
    }

    /** Whether a failed changeset was already reported, so the node's failure need not be printed again. */
    boolean reportedFailure() {
        return reportedFailure;
    }

    /** The changeset whose rollback started and did not finish, or null. */
    String rollingBack() {
        return rollingBack;
    }

    int rolledBack() {
        return rolledBack.get();
    }

    static String id(ChangeSet changeSet) {
        return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }

    private long elapsed() {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
