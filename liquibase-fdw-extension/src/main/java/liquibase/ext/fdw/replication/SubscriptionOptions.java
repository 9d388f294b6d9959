package liquibase.ext.fdw.replication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WITH options of CREATE SUBSCRIPTION per PostgreSQL major (from the release documentation, proven per major by
 * SubscriptionOptionsIT, which tries each name on a real server).
 */
public final class SubscriptionOptions {
    private static final Map<String, Integer> SINCE = new LinkedHashMap<>();

    static {
        for (String name : List.of("connect", "create_slot", "enabled", "slot_name", "binary", "copy_data", "streaming",
                "synchronous_commit")) {
            SINCE.put(name, 14);
        }
        SINCE.put("two_phase", 15);
        SINCE.put("disable_on_error", 15);
        SINCE.put("origin", 16);
        SINCE.put("password_required", 16);
        SINCE.put("run_as_owner", 16);
        SINCE.put("failover", 17);
    }

    private SubscriptionOptions() {
    }

    /** The first major that accepts {@code name}, or null for an unknown option. */
    public static Integer since(String name) {
        return SINCE.get(name);
    }

    /** The option names {@code major} accepts, in documentation order. */
    public static List<String> names(int major) {
        List<String> names = new ArrayList<>();
        SINCE.forEach((name, since) -> {
            if (since <= major) {
                names.add(name);
            }
        });
        return names;
    }
}
