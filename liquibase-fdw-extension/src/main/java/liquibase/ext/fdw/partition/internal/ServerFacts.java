package liquibase.ext.fdw.partition.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ext.fdw.partition.RangeSeries;

/**
 * What createRangePartitions reads from the connected server before it writes SQL: the partition key's type, the
 * database's default TimeZone and the size of the lock table. Read over the JDBC connection directly (never through
 * Liquibase's executor, which would print the queries into updateSQL output); queries that could fail are avoided,
 * because a failed query would abort the changeset's transaction. Offline, every answer is "unknown" (null).
 */
public final class ServerFacts {
    /** The lock table's size and where it comes from. */
    public record LockTable(long maxLocksPerTransaction, long maxConnections, long maxPreparedTransactions) {
        /** max_locks_per_transaction × (max_connections + max_prepared_transactions), as PostgreSQL's docs give it. */
        public long size() {
            return maxLocksPerTransaction * (maxConnections + maxPreparedTransactions);
        }
    }

    private ServerFacts() {
    }

    private static Connection connection(Database database) {
        return database != null && database.getConnection() instanceof JdbcConnection jdbc ? jdbc.getUnderlyingConnection() : null;
    }

    /** The type of the single-column range key of {@code qualifiedParent}; UNKNOWN when it cannot be read. */
    public static RangeSeries.KeyType keyType(Database database, String qualifiedParent) {
        String type = single(database, "SELECT a.atttypid::regtype::text FROM pg_partitioned_table p JOIN pg_attribute a"
                + " ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]"
                + " WHERE p.partrelid = to_regclass(?) AND p.partnatts = 1 AND p.partattrs[0] <> 0", qualifiedParent);
        if (type == null) {
            return RangeSeries.KeyType.UNKNOWN;
        }
        return switch (type) {
            case "date" -> RangeSeries.KeyType.DATE;
            case "timestamp without time zone" -> RangeSeries.KeyType.TIMESTAMP;
            case "timestamp with time zone" -> RangeSeries.KeyType.TIMESTAMPTZ;
            case "smallint", "integer", "bigint", "numeric" -> RangeSeries.KeyType.INTEGER;
            default -> RangeSeries.KeyType.OTHER;
        };
    }

    /**
     * The TimeZone a session of this database and role gets when the client sets none: ALTER ROLE ... IN DATABASE,
     * ALTER DATABASE, ALTER ROLE, then the configuration files (readable by superusers and pg_read_all_settings),
     * then PostgreSQL's built-in GMT. pg_settings cannot tell: pgjdbc sets the session's TimeZone (and its reset
     * value) from the JVM's zone. Null offline or when the configuration files cannot be read.
     */
    public static ZoneId defaultZone(Database database) {
        Connection c = connection(database);
        if (c == null) {
            return null;
        }
        String setting = single(database, "SELECT substr(cfg, 10) FROM pg_db_role_setting s, unnest(s.setconfig) cfg"
                + " WHERE lower(cfg) LIKE 'timezone=%' AND s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname ="
                + " current_database())) AND s.setrole IN (0, (SELECT oid FROM pg_roles WHERE rolname = current_user))"
                + " ORDER BY (s.setrole <> 0 AND s.setdatabase <> 0) DESC, s.setdatabase <> 0 DESC LIMIT 1");
        if (setting == null) {
            String readable = single(database, "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
                    + " OR pg_has_role(current_user, 'pg_read_all_settings', 'USAGE')");
            if (!"t".equals(readable)) {
                return null;
            }
            setting = single(database, "SELECT setting FROM pg_file_settings WHERE lower(name) = 'timezone' AND applied"
                    + " AND error IS NULL ORDER BY seqno DESC LIMIT 1");
            if (setting == null) {
                setting = "GMT";
            }
        }
        try {
            return ZoneId.of(setting.replaceAll("^'|'$", ""));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The lock table's settings, or null offline. */
    public static LockTable lockTable(Database database) {
        String row = single(database, "SELECT current_setting('max_locks_per_transaction') || ' ' || current_setting('max_connections')"
                + " || ' ' || current_setting('max_prepared_transactions')");
        if (row == null) {
            return null;
        }
        String[] parts = row.split(" ");
        return new LockTable(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    /**
     * Lock table entries one new partition of {@code qualifiedParent} takes until the transaction ends, as measured on
     * PostgreSQL 14-18: the table and its row type (2), its TOAST table, TOAST index and TOAST row type when a column
     * can be toasted (3), and 3 per index of the parent; a foreign partition takes 2. Null when the parent cannot be read.
     */
    public static Long locksPerPartition(Database database, String qualifiedParent, boolean foreign) {
        if (foreign) {
            return 2L;
        }
        String row = single(database, "SELECT (2 + CASE WHEN EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND t.typstorage <> 'p') THEN 3 ELSE 0 END"
                + " + 3 * (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid))::text FROM pg_class c WHERE c.oid = to_regclass(?)",
                qualifiedParent);
        return row == null ? null : Long.parseLong(row);
    }

    private static String single(Database database, String sql, String... parameters) {
        Connection c = connection(database);
        if (c == null) {
            return null;
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }
}
