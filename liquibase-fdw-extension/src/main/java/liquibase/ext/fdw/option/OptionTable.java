package liquibase.ext.fdw.option;

import static liquibase.ext.fdw.option.PostgresFdwOptions.COLUMN;
import static liquibase.ext.fdw.option.PostgresFdwOptions.FOREIGN_TABLE;
import static liquibase.ext.fdw.option.PostgresFdwOptions.IMPORT;
import static liquibase.ext.fdw.option.PostgresFdwOptions.SERVER;
import static liquibase.ext.fdw.option.PostgresFdwOptions.USER_MAPPING;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * postgres_fdw's option table as PostgreSQL builds it, one row per option and object kind with the first major that
 * accepts it. It is transcribed from each release's {@code contrib/postgres_fdw/option.c} ({@code InitPgFdwOptions})
 * and the {@code PQconninfoOptions} of the libpq of the same major, the import options from
 * {@code postgresImportForeignSchema}; {@code PostgresFdwOptionsIT} proves it against real servers. No option has been removed in 13-18, so a row needs no last major.
 */
final class OptionTable {
    /** Oldest major the table describes (13 is allowed, 14-18 are tested). */
    static final int OLDEST_MAJOR = 13;
    /** Newest major the table describes; newer servers are checked as this one. */
    static final int NEWEST_MAJOR = 18;

    /** One option on some object kinds from a major on, with a value the server takes at CREATE time. */
    record Row(String name, int since, String example, Set<PostgresFdwOptions> kinds) {
    }

    /**
     * The table. libpq rows: every PQconndefaults() keyword goes to servers, except "user" and the secret ones
     * (dispchar '*') which go to user mappings; debug options (dispchar 'D') and the names in {@link #NEVER} are
     * hidden. postgres_fdw rows: option.c's own list, which repeats sslcert, sslkey (13+) and gssdelegation (16+)
     * for user mappings so that they are valid on both.
     */
    static final List<Row> ROWS = List.of(
            // libpq, every major 13-18
            row("service", 13, "box2", SERVER),
            row("passfile", 13, "/etc/postgres_fdw/pgpass", SERVER),
            row("channel_binding", 13, "prefer", SERVER),
            row("connect_timeout", 13, "10", SERVER),
            row("dbname", 13, "shard2", SERVER),
            row("host", 13, "box2", SERVER),
            row("hostaddr", 13, "127.0.0.1", SERVER),
            row("port", 13, "5432", SERVER),
            row("options", 13, "-c statement_timeout=5min", SERVER),
            row("application_name", 13, "coordinator", SERVER),
            row("keepalives", 13, "1", SERVER),
            row("keepalives_idle", 13, "60", SERVER),
            row("keepalives_interval", 13, "10", SERVER),
            row("keepalives_count", 13, "5", SERVER),
            row("tcp_user_timeout", 13, "30000", SERVER),
            row("sslmode", 13, "verify-full", SERVER),
            row("sslcompression", 13, "0", SERVER),
            row("sslcert", 13, "/etc/postgres_fdw/client.crt", SERVER),
            row("sslkey", 13, "/etc/postgres_fdw/client.key", SERVER),
            row("sslrootcert", 13, "/etc/postgres_fdw/root.crt", SERVER),
            row("sslcrl", 13, "/etc/postgres_fdw/root.crl", SERVER),
            row("requirepeer", 13, "postgres", SERVER),
            row("ssl_min_protocol_version", 13, "TLSv1.2", SERVER),
            row("ssl_max_protocol_version", 13, "TLSv1.3", SERVER),
            row("gssencmode", 13, "prefer", SERVER),
            row("krbsrvname", 13, "postgres", SERVER),
            row("gsslib", 13, "gssapi", SERVER),
            row("target_session_attrs", 13, "read-write", SERVER),
            row("user", 13, "user2", USER_MAPPING),
            row("password", 13, "secret", USER_MAPPING),
            row("sslpassword", 13, "secret", USER_MAPPING),
            // libpq 14
            row("sslcrldir", 14, "/etc/postgres_fdw/crl", SERVER),
            row("sslsni", 14, "1", SERVER),
            // libpq 16
            row("sslcertmode", 16, "allow", SERVER),
            row("require_auth", 16, "scram-sha-256", SERVER),
            row("gssdelegation", 16, "0", SERVER),
            row("load_balance_hosts", 16, "disable", SERVER),
            // libpq 17
            row("sslnegotiation", 17, "postgres", SERVER),
            // libpq 18
            row("min_protocol_version", 18, "3.0", SERVER),
            row("max_protocol_version", 18, "3.2", SERVER),
            // postgres_fdw's own options
            row("schema_name", 13, "box2_schema", FOREIGN_TABLE),
            row("table_name", 13, "temperatures_2016", FOREIGN_TABLE),
            row("column_name", 13, "reading_date", COLUMN),
            row("use_remote_estimate", 13, "true", SERVER, FOREIGN_TABLE),
            row("fdw_startup_cost", 13, "100", SERVER),
            row("fdw_tuple_cost", 13, "0.01", SERVER),
            row("extensions", 13, "plpgsql", SERVER),
            row("updatable", 13, "true", SERVER, FOREIGN_TABLE),
            row("fetch_size", 13, "1000", SERVER, FOREIGN_TABLE),
            row("password_required", 13, "true", USER_MAPPING),
            row("sslcert", 13, "/etc/postgres_fdw/client.crt", USER_MAPPING),
            row("sslkey", 13, "/etc/postgres_fdw/client.key", USER_MAPPING),
            row("truncatable", 14, "true", SERVER, FOREIGN_TABLE),
            row("batch_size", 14, "1000", SERVER, FOREIGN_TABLE),
            row("async_capable", 14, "true", SERVER, FOREIGN_TABLE),
            row("keep_connections", 14, "true", SERVER),
            row("parallel_commit", 15, "true", SERVER),
            row("parallel_abort", 16, "true", SERVER),
            row("analyze_sampling", 16, "auto", SERVER, FOREIGN_TABLE),
            row("gssdelegation", 16, "0", USER_MAPPING),
            row("use_scram_passthrough", 18, "true", SERVER, USER_MAPPING),
            // IMPORT FOREIGN SCHEMA options (postgresImportForeignSchema in postgres_fdw.c)
            row("import_collate", 13, "true", IMPORT),
            row("import_default", 13, "true", IMPORT),
            row("import_not_null", 13, "true", IMPORT),
            row("import_generated", 14, "true", IMPORT));

    /**
     * libpq keywords postgres_fdw never accepts on any object, with the reason: the two it sets itself, libpq's debug
     * options and (18) OAuth.
     */
    static final Map<String, String> NEVER = never();

    private OptionTable() {
    }

    private static Row row(String name, int since, String example, PostgresFdwOptions first, PostgresFdwOptions... rest) {
        return new Row(name, since, example, EnumSet.of(first, rest));
    }

    private static Map<String, String> never() {
        Map<String, String> never = new LinkedHashMap<>();
        never.put("client_encoding", "postgres_fdw sets it itself, to the local database's encoding");
        never.put("fallback_application_name", "postgres_fdw sets it itself, to postgres_fdw");
        String debug = "it is a libpq debug option, which postgres_fdw hides";
        never.put("replication", debug);
        never.put("tty", debug);
        never.put("scram_client_key", debug);
        never.put("scram_server_key", debug);
        never.put("sslkeylogfile", debug);
        String oauth = "postgres_fdw refuses libpq's OAuth options";
        never.put("oauth_issuer", oauth);
        never.put("oauth_client_id", oauth);
        never.put("oauth_client_secret", oauth);
        never.put("oauth_scope", oauth);
        return Map.copyOf(never);
    }
}
