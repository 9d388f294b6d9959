package liquibase.ext.fdw.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Atomic mode was asked for but some node cannot take part; found before anything changed on any node. */
public class AtomicModeException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, List<String>> problems;

    /** {@code problems}: node name to what keeps it out of a two-phase commit, each with its fix. */
    public AtomicModeException(Map<String, List<String>> problems) {
        super("atomic mode cannot be used: " + String.join("; ", problems.entrySet().stream()
                .map(e -> "node '" + e.getKey() + "': " + String.join("; ", e.getValue())).toList())
                + ". Nothing was changed on any node.");
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, List<String>> problems() {
        return problems;
    }
}
