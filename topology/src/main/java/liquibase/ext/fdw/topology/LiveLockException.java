package liquibase.ext.fdw.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * releaseLocks refused: the lock of one or more nodes belongs to a run that is still connected to the node (its
 * session is in {@code pg_stat_activity}), so freeing it would let a second run apply the same changesets. Nothing
 * was released.
 */
public class LiveLockException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> holders;

    /** {@code holders}: node name to the lock's holder (host, pid, run id) and since. */
    public LiveLockException(Map<String, String> holders) {
        super(String.join("; ", holders.entrySet().stream()
                .map(e -> "node '" + e.getKey() + "': the Liquibase lock belongs to a run that is still connected ("
                        + e.getValue() + ")").toList())
                + "; it releases the lock when it ends. Nothing was released.");
        this.holders = Collections.unmodifiableMap(new LinkedHashMap<>(holders));
    }

    public Map<String, String> holders() {
        return holders;
    }

    /** The nodes, comma-separated. */
    public String nodeNames() {
        return String.join(",", holders.keySet());
    }
}
