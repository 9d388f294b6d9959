package liquibase.ext.fdw.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options of a snapshot object kept as {@code name=value} strings, as PostgreSQL stores them. */
public final class Options {
    private Options() {
    }

    /** A sorted copy. */
    public static List<String> sorted(List<String> options) {
        List<String> copy = new ArrayList<>(options == null ? List.of() : options);
        copy.sort(null);
        return copy;
    }

    /** The options as an ordered name to value map. */
    public static Map<String, String> asMap(List<String> options) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            map.put(eq < 0 ? option : option.substring(0, eq), eq < 0 ? "" : option.substring(eq + 1));
        }
        return map;
    }
}
