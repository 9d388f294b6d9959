package liquibase.ext.fdw.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One or more nodes' changelogs are missing or do not parse; found before anything was created on any node. */
public class ChangelogValidationException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> problems;

    /** {@code problems}: node name to what is wrong with its changelog, in node order. */
    public ChangelogValidationException(Map<String, String> problems) {
        super(String.join("; ", problems.entrySet().stream()
                .map(e -> "node '" + e.getKey() + "': " + e.getValue().replaceFirst("\\.$", "")).toList())
                + ". Nothing was changed on any node.");
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
