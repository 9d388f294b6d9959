package liquibase.ext.fdw.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollback target (tag, count or date) does not exist on one or more nodes; checked on every node before any
 * node changed, so nothing was rolled back.
 */
public class RollbackTargetException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> problems;

    /** {@code problems}: node name to why the target does not work there, in node order. */
    public RollbackTargetException(Map<String, String> problems) {
        super(String.join("; ", problems.entrySet().stream()
                .map(e -> "node '" + e.getKey() + "': " + e.getValue().replaceFirst("\\.$", "")).toList())
                + ". Nothing was rolled back on any node.");
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }

    /** The nodes that lack the target, comma-separated. */
    public String nodeNames() {
        return String.join(",", problems.keySet());
    }
}
