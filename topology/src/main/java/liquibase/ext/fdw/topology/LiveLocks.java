package liquibase.ext.fdw.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Before releaseLocks frees anything: a lock whose run is still connected (its session, named with the run id,
 * is in {@code pg_stat_activity}) is refused, since freeing it lets a second run apply the same changesets twice.
 */
final class LiveLocks {
    private LiveLocks() {
    }

    /** Throws {@link LiveLockException} naming every node whose lock belongs to a live run. */
    static void check(Iterable<NodeSession> sessions) {
        Map<String, String> live = new LinkedHashMap<>();
        for (NodeSession session : sessions) {
            try {
                String holder = session.lock().liveHolder();
                if (holder != null) {
                    live.put(session.node().name(), holder);
                }
            } catch (java.sql.SQLException e) {
                throw new NodeConnectionException(session.node().name(), "node '" + session.node().name()
                        + "': cannot read its Liquibase lock: " + Failures.describe(e), e);
            }
        }
        if (!live.isEmpty()) {
            throw new LiveLockException(live);
        }
    }
}
