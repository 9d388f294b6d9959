package liquibase.ext.fdw.option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options postgres_fdw accepts per object, with the PostgreSQL major that introduced each (from postgres_fdw's
 * option.c and the libpq connection parameters it passes through), so bad names and too-new options are refused
 * before any SQL runs.
 */
public enum PostgresFdwOptions {
    /** Options of CREATE/ALTER SERVER. */
    SERVER("foreign server"),
    /** Options of CREATE/ALTER USER MAPPING. */
    USER_MAPPING("user mapping"),
    /** Table-level options of CREATE/ALTER FOREIGN TABLE. */
    FOREIGN_TABLE("foreign table");

    private static final String[] LIBPQ_SERVER_OPTIONS = {
        "host", "hostaddr", "port", "dbname", "connect_timeout", "client_encoding", "options", "application_name",
        "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
        "tcp_user_timeout", "sslmode", "sslcompression", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
        "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname",
        "gsslib", "gssdelegation", "target_session_attrs", "load_balance_hosts", "channel_binding",
        "service", "passfile", "require_auth", "sslnegotiation", "sslcertmode",
    };

    private final String object;
    private final Map<String, Integer> sinceMajor = new LinkedHashMap<>();

    PostgresFdwOptions(String object) {
        this.object = object;
    }

    static {
        for (String option : LIBPQ_SERVER_OPTIONS) {
            SERVER.sinceMajor.put(option, 9);
        }
        SERVER.sinceMajor.put("use_remote_estimate", 9);
        SERVER.sinceMajor.put("fdw_startup_cost", 9);
        SERVER.sinceMajor.put("fdw_tuple_cost", 9);
        SERVER.sinceMajor.put("extensions", 9);
        SERVER.sinceMajor.put("fetch_size", 9);
        SERVER.sinceMajor.put("updatable", 9);
        SERVER.sinceMajor.put("truncatable", 14);
        SERVER.sinceMajor.put("batch_size", 14);
        SERVER.sinceMajor.put("async_capable", 14);
        SERVER.sinceMajor.put("keep_connections", 14);
        SERVER.sinceMajor.put("parallel_commit", 15);
        SERVER.sinceMajor.put("parallel_abort", 16);
        SERVER.sinceMajor.put("analyze_sampling", 16);
        SERVER.sinceMajor.put("use_scram_passthrough", 18);

        FOREIGN_TABLE.sinceMajor.put("schema_name", 9);
        FOREIGN_TABLE.sinceMajor.put("table_name", 9);
        FOREIGN_TABLE.sinceMajor.put("use_remote_estimate", 9);
        FOREIGN_TABLE.sinceMajor.put("fetch_size", 9);
        FOREIGN_TABLE.sinceMajor.put("updatable", 9);
        FOREIGN_TABLE.sinceMajor.put("truncatable", 14);
        FOREIGN_TABLE.sinceMajor.put("batch_size", 14);
        FOREIGN_TABLE.sinceMajor.put("async_capable", 14);
        FOREIGN_TABLE.sinceMajor.put("analyze_sampling", 16);

        USER_MAPPING.sinceMajor.put("user", 9);
        USER_MAPPING.sinceMajor.put("password", 9);
        USER_MAPPING.sinceMajor.put("password_required", 13);
        USER_MAPPING.sinceMajor.put("sslcert", 13);
        USER_MAPPING.sinceMajor.put("sslkey", 13);
        USER_MAPPING.sinceMajor.put("sslpassword", 13);
        USER_MAPPING.sinceMajor.put("use_scram_passthrough", 18);
    }

    /** What the options belong to, for messages ("foreign server"). */
    public String object() {
        return object;
    }

    /** Whether postgres_fdw knows the option for this object. */
    public boolean isKnown(String option) {
        return sinceMajor.containsKey(option);
    }

    /** The major that introduced the option. */
    public int sinceMajor(String option) {
        return sinceMajor.get(option);
    }

    /** Every option name, sorted, for "valid options are ..." messages. */
    public Set<String> names() {
        return new TreeSet<>(sinceMajor.keySet());
    }
}
