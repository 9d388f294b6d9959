package liquibase.ext.fdw.topology;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC connection a node's Liquibase database is built on, able to hold back every commit for an atomic run.
 *
 * <p>Liquibase commits at many places of an update: after each changeset ({@code ChangeSet.execute}), after each
 * DATABASECHANGELOG row ({@code StandardChangeLogHistoryService}), after creating its tables, and it switches
 * auto-commit on for a {@code runInTransaction="false"} changeset. All of them end in {@link Connection#commit()} or
 * {@link Connection#setAutoCommit(boolean)} of the connection under Liquibase's {@code JdbcConnection}, so holding
 * them back here covers every path, whatever the Liquibase version, without re-implementing its update. While
 * {@link #hold()} is in force a commit is a no-op and auto-commit stays off. Liquibase also rolls back where nothing
 * failed (after a snapshot or a validation, between changesets); such a rollback is a no-op too, or it would undo the
 * node's earlier changesets. A rollback in a failed transaction (Liquibase rolls back a failing changeset, also one
 * with {@code failOnError="false"} that it then skips) really rolls back and is remembered, because the earlier
 * changesets of the node were undone with it: such a node must not be prepared.
 */
final class DeferredCommits implements InvocationHandler {
    private final Connection target;
    private volatile boolean holding;
    private volatile boolean rolledBack;

    private DeferredCommits(Connection target) {
        this.target = target;
    }

    /** Wraps {@code target}; the result behaves as {@code target} until {@link #hold()}. */
    static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(DeferredCommits.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new DeferredCommits(target));
    }

    /** The handler of a connection made by {@link #wrap(Connection)}. */
    static DeferredCommits of(Connection wrapped) {
        return (DeferredCommits) Proxy.getInvocationHandler(wrapped);
    }

    /** From now on commits are held back: the node's work stays in one open transaction. */
    void hold() throws SQLException {
        target.setAutoCommit(false);
        rolledBack = false;
        holding = true;
    }

    /** Commits behave normally again (the transaction was prepared or rolled back through {@link #target()}). */
    void release() {
        holding = false;
    }

    /** Whether a rollback happened while commits were held (the node's transaction lost earlier work). */
    boolean rolledBack() {
        return rolledBack;
    }

    /** The driver's connection, for PREPARE TRANSACTION and the end of the held transaction. */
    Connection target() {
        return target;
    }

    /**
     * Whether the open transaction has failed (a statement raised an error, so PostgreSQL refuses every further one
     * until the rollback): only then does a rollback that Liquibase asks for end the node's work.
     */
    private boolean failed() {
        try (java.sql.Statement statement = target.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT 1")) {
            return !rows.next();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (holding) {
            switch (method.getName()) {
                case "commit":
                    return null;
                case "setAutoCommit":
                    return null;
                case "rollback":
                    if (args == null || args.length == 0) {
                        // Liquibase rolls back between changesets too (after a snapshot or a validation); while the
                        // transaction has not failed, such a rollback would throw away the node's earlier changesets.
                        if (!failed()) {
                            return null;
                        }
                        rolledBack = true;
                    }
                    break;
                default:
                    break;
            }
        }
        if (method.getName().equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
        }
        if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
            return System.identityHashCode(proxy);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
