package liquibase.ext.fdw.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The run's guarantee about locks: every selected node's Liquibase lock is taken before the first node changes,
 * and every lock taken is released on every path out of the run (success, failure, exception, JVM shutdown).
 *
 * <p>Liquibase's commands take the lock themselves ({@code LockServiceCommandStep}, the update step) and release it
 * when they end, which with several nodes in parallel and the rollback of a failed run would let another process in
 * between two commands. The runner therefore owns the lock: {@link NodeLock} takes it, and while the run lasts
 * {@link TopologyLockService} answers Liquibase's "take" and "release" for that database without touching the row.
 * {@link #close()} gives each lock back; a shutdown hook does the same over fresh connections when the JVM stops
 * mid-run (Ctrl-C, SIGTERM). A lock that cannot be released (node down) is reported by {@link #close()}.
 */
final class LockOwnership implements AutoCloseable {
    private final List<NodeSession> locked = new ArrayList<>();
    private final Thread releaseOnExit;

    private LockOwnership(Collection<NodeSession> sessions) {
        releaseOnExit = new Thread(() -> sessions.forEach(s -> s.lock().releaseOnNewConnection()),
                "liquibase-fdw-release-locks");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
    }

    /** Registers the shutdown hook for {@code sessions}, without taking any lock (goals that take none). */
    static LockOwnership none(Collection<NodeSession> sessions) {
        return new LockOwnership(sessions);
    }

    /**
     * Takes every session's lock; when any node is locked by another process, releases those taken and throws
     * {@link LockHeldException} naming every locked node with holder and since.
     */
    static LockOwnership acquire(Collection<NodeSession> sessions) {
        LockOwnership ownership = new LockOwnership(sessions);
        TopologyLockServices.register();
        List<LockHeldException.HeldLock> held = new ArrayList<>();
        try {
            for (NodeSession session : sessions) {
                LockHeldException.HeldLock other = session.lock().acquire();
                if (other == null) {
                    ownership.locked.add(session);
                } else {
                    held.add(other);
                }
            }
        } catch (RuntimeException e) {
            ownership.close();
            throw e;
        }
        if (!held.isEmpty()) {
            ownership.close();
            throw new LockHeldException(held);
        }
        return ownership;
    }

    /** Releases every lock this run took; returns the nodes whose lock could not be released. */
    List<String> releaseAll() {
        List<String> stuck = new ArrayList<>();
        for (NodeSession session : locked) {
            if (!session.lock().release()) {
                stuck.add(session.node().name());
            }
        }
        locked.clear();
        return stuck;
    }

    @Override
    public void close() {
        releaseAll();
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already stopping; the hook releases the locks.
        }
    }
}
