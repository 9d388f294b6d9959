package liquibase.ext.fdw.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The subscription option table is PostgreSQL's: every known name, and names of later releases, is tried in a plain
 * CREATE SUBSCRIPTION ... WITH (connect = false, name = value) (rolled back) on each major; the names the server does
 * not reject as unrecognized must be exactly {@link SubscriptionOptions#names(int)}.
 */
class SubscriptionOptionsIT {
    private static final Map<String, String> CANDIDATES = new LinkedHashMap<>();

    static {
        CANDIDATES.put("connect", "false");
        CANDIDATES.put("create_slot", "false");
        CANDIDATES.put("enabled", "false");
        CANDIDATES.put("slot_name", "'some_slot'");
        CANDIDATES.put("binary", "false");
        CANDIDATES.put("copy_data", "false");
        CANDIDATES.put("streaming", "off");
        CANDIDATES.put("synchronous_commit", "off");
        CANDIDATES.put("two_phase", "false");
        CANDIDATES.put("disable_on_error", "false");
        CANDIDATES.put("origin", "any");
        CANDIDATES.put("password_required", "true");
        CANDIDATES.put("run_as_owner", "false");
        CANDIDATES.put("failover", "false");
        CANDIDATES.put("retain_dead_tuples", "false");
        CANDIDATES.put("max_retention_duration", "0");
        CANDIDATES.put("copydata", "false");
    }

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void optionTableMatchesTheServer(int major) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "subopts"); Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            List<String> recognized = new ArrayList<>();
            for (Map.Entry<String, String> option : CANDIDATES.entrySet()) {
                String with = option.getKey().equals("connect") ? "connect = false"
                        : "connect = false, " + option.getKey() + " = " + option.getValue();
                try {
                    s.execute("CREATE SUBSCRIPTION probe CONNECTION 'host=127.0.0.1 dbname=none' PUBLICATION p WITH (" + with + ")");
                    recognized.add(option.getKey());
                } catch (SQLException e) {
                    if (!String.valueOf(e.getMessage()).contains("unrecognized subscription parameter")) {
                        recognized.add(option.getKey()); // known, but refused for another reason
                    }
                } finally {
                    c.rollback();
                }
            }
            assertEquals(SubscriptionOptions.names(major), recognized);
        }
    }
}
