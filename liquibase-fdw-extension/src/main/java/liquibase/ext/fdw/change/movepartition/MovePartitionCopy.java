package liquibase.ext.fdw.change.movepartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.ext.fdw.change.movepartition.PartitionMove.Mode;
import liquibase.ext.fdw.change.movepartition.PartitionMove.Verified;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.ext.fdw.transfer.NodeConnections;
import liquibase.logging.Logger;
import liquibase.statement.SqlStatement;

/**
 * Runs movePartition (and its inverse) with the rows streamed by {@code COPY} between the nodes, when the run offers
 * {@link NodeConnections} for both ends; otherwise the caller runs the generator's postgres_fdw block.
 *
 * <p>The coordinator's transaction runs the generator's {@link Mode#PREPARE} block (checks, the partition's write
 * lock, the empty target), then the rows go from {@code COPY (SELECT ...) TO STDOUT} on the source (the coordinator
 * for a local partition, else its node) into {@code COPY ... FROM STDIN} on the target in the target's own open
 * transaction (binary when both sides have the same built-in column types). Count and checksum are computed by
 * PostgreSQL on each side with the block's expression; the {@link Mode#FINISH} block compares them and swaps. The
 * target commits only after that block succeeded, just before the coordinator: any failure before (a mismatch, a
 * killed coordinator session) rolls the copy back and leaves the old layout.
 */
public final class MovePartitionCopy {
    /** Sends one SQL text on the coordinator's connection the way the executor sends every statement (logged). */
    @FunctionalInterface
    public interface Coordinator {
        void execute(String sql) throws DatabaseException;
    }

    private MovePartitionCopy() {
    }

    /** Whether {@code statement} is one this class can run. */
    public static boolean handles(SqlStatement statement) {
        return statement instanceof MovePartitionStatement || statement instanceof MovePartitionBackStatement;
    }

    /**
     * Runs the move by COPY and returns true, or returns false (having changed nothing) when the postgres_fdw block
     * must run instead; says in the log which path ran.
     */
    public static boolean run(SqlStatement statement, Database database, Coordinator sql) throws DatabaseException {
        Logger log = Scope.getCurrentScope().getLog(MovePartitionCopy.class);
        Move move = Move.of(statement, database);
        NodeConnections nodes = NodeConnections.current();
        if (nodes == null || !(database.getConnection() instanceof JdbcConnection jdbc)
                || !CopyStream.supports(jdbc.getUnderlyingConnection())) {
            log.info(move.location + ": the rows move through postgres_fdw (the run offers no direct connections to"
                    + " the nodes)");
            return false;
        }
        Connection coordinator = jdbc.getUnderlyingConnection();
        Connection source = null;
        Connection target = null;
        Connection sourceSum = null;
        try {
            Ends ends = Ends.read(coordinator, move);
            if (ends.fallback != null) {
                log.info(move.location + ": the rows move through postgres_fdw (" + ends.fallback + ")");
                return false;
            }
            source = ends.sourceServer == null ? null : nodes.open(server(coordinator, ends.sourceServer));
            target = ends.targetServer == null ? null : nodes.open(server(coordinator, ends.targetServer));
            String missing = ends.sourceServer != null && source == null ? ends.sourceServer
                    : ends.targetServer != null && target == null ? ends.targetServer : null;
            if (missing != null) {
                log.info(move.location + ": the rows move through postgres_fdw (server " + missing
                        + " points to no node of this run)");
                return false;
            }
            long start = System.nanoTime();
            sql.execute(move.block(Mode.PREPARE, null));
            Connection from = source == null ? coordinator : source;
            Connection to = target == null ? coordinator : target;
            CompletableFuture<String[]> sourceSummed = null;
            String[] columns = columns(coordinator, move.parent);
            if (source != null) {
                // The copy and the checksum read one snapshot of the source node, at once on two connections.
                source.setAutoCommit(false);
                source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                String snapshot = scalar(source, "SELECT pg_export_snapshot()");
                sourceSum = nodes.open(server(coordinator, ends.sourceServer));
                if (sourceSum != null) {
                    sourceSum.setAutoCommit(false);
                    sourceSum.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    try (Statement set = sourceSum.createStatement()) {
                        set.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
                    }
                    Connection summing = sourceSum;
                    sourceSummed = CompletableFuture.supplyAsync(() -> checksumOrFail(summing, ends.sourceTable, columns[1]));
                }
            }
            if (target != null) {
                target.setAutoCommit(false);
            }
            String targetTable = ends.targetServer == null ? ends.localCopy : Identifiers.quoted(ends.targetSchema, ends.targetTable);
            boolean binary = sameBuiltInTypes(from, ends.sourceTable, to, targetTable, columns);
            String format = binary ? " (FORMAT binary)" : "";
            long prepared = System.nanoTime();
            long copied;
            try {
                copied = CopyStream.pipe(from, "COPY (SELECT " + columns[0] + " FROM " + ends.sourceTable + ") TO STDOUT"
                    + format, to, "COPY " + targetTable + " (" + columns[0] + ") FROM STDIN" + format);
            } catch (SQLException | RuntimeException e) {
                settle(sourceSummed);
                throw e;
            }
            long piped = System.nanoTime();
            // Each side is summed by its own server in one pass, both at once.
            CompletableFuture<String[]> targetSummed = CompletableFuture.supplyAsync(() -> checksumOrFail(to, targetTable,
                    columns[1]));
            String[] sourceSums;
            try {
                sourceSums = sourceSummed != null ? joined(sourceSummed) : checksum(from, ends.sourceTable, columns[1]);
            } catch (SQLException | RuntimeException e) {
                settle(targetSummed);
                throw e;
            }
            String[] targetSums = joined(targetSummed);
            if (source != null) {
                // The source node's snapshots end before the swap empties its table.
                source.commit();
                if (sourceSum != null) {
                    sourceSum.commit();
                }
            }
            long summed = System.nanoTime();
            sql.execute(move.block(Mode.FINISH, new Verified(Long.parseLong(sourceSums[0]), sourceSums[1],
                    Long.parseLong(targetSums[0]), targetSums[1])));
            if (target != null) {
                target.commit();
            }
            log.info(move.location + ": " + copied + " rows copied with COPY (" + (binary ? "binary" : "text") + ") from "
                    + (ends.sourceServer == null ? "the coordinator" : "server " + ends.sourceServer) + " to "
                    + (ends.targetServer == null ? "the coordinator" : "server " + ends.targetServer) + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms (prepare " + millis(start, prepared) + ", copy "
                    + millis(prepared, piped) + ", checksums " + millis(piped, summed) + ", swap " + millis(summed,
                    System.nanoTime()) + "); counts and checksums match");
            return true;
        } catch (SQLException e) {
            throw new DatabaseException(move.location + ": cannot move " + move.partition + ": the copy between the"
                    + " nodes failed: " + e.getMessage() + "; nothing changed.", e);
        } finally {
            rollbackAndClose(source);
            rollbackAndClose(sourceSum);
            rollbackAndClose(target);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String[] checksumOrFail(Connection connection, String table, String tcols) {
        try {
            return checksum(connection, table, tcols);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    /** Waits for a checksum still running, so that its connection is idle when closed. */
    private static void settle(CompletableFuture<String[]> future) {
        if (future != null) {
            future.handle((sum, failure) -> sum).join();
        }
    }

    private static String[] joined(CompletableFuture<String[]> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The server's options with its name, for {@link NodeConnections#open}. */
    private static Map<String, String> server(Connection coordinator, String name) throws SQLException {
        Map<String, String> server = new LinkedHashMap<>();
        try (PreparedStatement query = coordinator.prepareStatement("SELECT o.option_name, o.option_value FROM"
                + " pg_foreign_server s, pg_options_to_table(s.srvoptions) o WHERE s.srvname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    server.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        server.put(NodeConnections.SERVER, name);
        return server;
    }

    /** The parent's columns as the block lists them: {@code a, b} and {@code t.a, t.b}. */
    private static String[] columns(Connection coordinator, String parent) throws SQLException {
        try (PreparedStatement query = coordinator.prepareStatement("SELECT string_agg(quote_ident(attname), ', ' ORDER BY"
                + " attnum), string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid"
                + " = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''")) {
            query.setString(1, parent);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        }
    }

    /** Binary COPY needs the same types on both sides, and built-in ones (arrays carry their element type's oid). */
    private static boolean sameBuiltInTypes(Connection from, String source, Connection to, String target,
            String[] columns) throws SQLException {
        String a = types(from, source, columns[0]);
        return a != null && a.equals(types(to, target, columns[0]));
    }

    private static String types(Connection connection, String table, String columns) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT CASE WHEN bool_and(a.atttypid < 16384) THEN"
                + " string_agg(format_type(a.atttypid, a.atttypmod), ', ' ORDER BY array_position(?::text[], quote_ident(a.attname)))"
                + " END FROM pg_attribute a WHERE a.attrelid = ?::regclass AND quote_ident(a.attname) = ANY (?::text[])"
                + " AND NOT a.attisdropped")) {
            String list = "{" + String.join(",", java.util.Arrays.stream(columns.split(", "))
                    .map(c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
            query.setString(1, list);
            query.setString(2, table);
            query.setString(3, list);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Count and checksum of {@code table}'s rows, under the block's fixed settings, which are restored after. */
    private static String[] checksum(Connection connection, String table, String tcols) throws SQLException {
        String[][] settings = PartitionMove.CHECKSUM_SETTINGS;
        String[] saved = new String[settings.length];
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < settings.length; i++) {
                try (ResultSet rows = statement.executeQuery("SELECT current_setting('" + settings[i][0] + "')")) {
                    rows.next();
                    saved[i] = rows.getString(1);
                }
            }
            set(connection, settings, null);
            try (ResultSet rows = statement.executeQuery(String.format(PartitionMove.CHECKSUM, table, tcols))) {
                rows.next();
                return new String[] {rows.getString(1), rows.getBigDecimal(2).toPlainString()};
            } finally {
                set(connection, settings, saved);
            }
        }
    }

    private static void set(Connection connection, String[][] settings, String[] values) throws SQLException {
        for (int i = 0; i < settings.length; i++) {
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
                set.setString(1, settings[i][0]);
                set.setString(2, values == null ? settings[i][1] : values[i]);
                set.execute();
            }
        }
    }

    private static void rollbackAndClose(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // Closing ends the node's transaction either way.
        }
    }

    /** The statement's names as the generators render them, and its block in a mode. */
    private record Move(SqlStatement statement, Database database, String parent, String partition, String ledger,
            String location, MoveKeyValues key) {

        static Move of(SqlStatement statement, Database database) {
            String ledger = database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                    PartitionMove.LEDGER);
            if (statement instanceof MovePartitionStatement s) {
                return new Move(s, database, qualified(database, s.getSchemaName(), s.getTableName()),
                        qualified(database, s.getPartitionSchemaName(), s.getPartitionName()), ledger, s.getLocation(),
                        new MoveKeyValues(s.getKey().id(), s.getKey().author()));
            }
            MovePartitionBackStatement s = (MovePartitionBackStatement) statement;
            return new Move(s, database, qualified(database, s.getSchemaName(), s.getTableName()),
                    qualified(database, s.getPartitionSchemaName(), s.getPartitionName()), ledger, s.getLocation(),
                    new MoveKeyValues(s.getKey().id(), s.getKey().author()));
        }

        private static String qualified(Database database, String schema, String name) {
            return (schema == null ? "" : Identifiers.quote(database, schema) + ".") + Identifiers.quote(database, name);
        }

        String block(Mode mode, Verified verified) {
            return statement instanceof MovePartitionStatement s ? MovePartitionGenerator.block(s, database, mode, verified)
                    : MovePartitionBackGenerator.block((MovePartitionBackStatement) statement, database, mode, verified);
        }
    }

    private record MoveKeyValues(String id, String author) {
    }

    /**
     * Where the rows are and where they go, read from the coordinator's catalog (and, for the inverse, the ledger);
     * {@code fallback} says why the COPY path does not apply (the block then runs, and refuses what it refuses).
     */
    private record Ends(String sourceServer, String sourceTable, String targetServer, String targetSchema,
            String targetTable, String localCopy, String fallback) {

        static Ends fallback(String reason) {
            return new Ends(null, null, null, null, null, null, reason);
        }

        static Ends read(Connection coordinator, Move move) throws SQLException {
            String kind;
            String server;
            String sourceTable;
            String localCopy;
            try (PreparedStatement query = coordinator.prepareStatement("SELECT c.relkind::text, s.srvname,"
                    + " CASE WHEN c.relkind = 'f' THEN format('%I.%I', coalesce((SELECT option_value FROM"
                    + " pg_options_to_table(ft.ftoptions) WHERE option_name = 'schema_name'), n.nspname), coalesce((SELECT"
                    + " option_value FROM pg_options_to_table(ft.ftoptions) WHERE option_name = 'table_name'), c.relname))"
                    + " ELSE format('%I.%I', n.nspname, c.relname) END, format('%I.%I', n.nspname, left(c.relname, 50) ||"
                    + " '_fdw_move'), EXISTS (SELECT FROM pg_attribute a, pg_options_to_table(a.attfdwoptions) o WHERE"
                    + " a.attrelid = c.oid AND a.attnum > 0 AND o.option_name = 'column_name' AND o.option_value <> a.attname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN"
                    + " pg_foreign_table ft ON ft.ftrelid = c.oid LEFT JOIN pg_foreign_server s ON s.oid = ft.ftserver"
                    + " WHERE c.oid = to_regclass(?)")) {
                query.setString(1, move.partition());
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next() || !("r".equals(rows.getString(1)) || "f".equals(rows.getString(1)))) {
                        return fallback("the partition is not a plain or a foreign table");
                    }
                    if (rows.getBoolean(5)) {
                        return fallback("a column of the partition reads a remote column of another name");
                    }
                    kind = rows.getString(1);
                    server = rows.getString(2);
                    sourceTable = rows.getString(3);
                    localCopy = rows.getString(4);
                }
            }
            boolean toLocal;
            String toServer;
            String toSchema;
            String toTable;
            if (move.statement() instanceof MovePartitionStatement s) {
                toLocal = s.isToLocal();
                toServer = s.getToServerName();
                toSchema = s.getToRemoteSchemaName();
                toTable = s.getToRemoteTableName();
            } else {
                String found;
                try (PreparedStatement exists = coordinator.prepareStatement("SELECT to_regclass(?)::text")) {
                    exists.setString(1, move.ledger());
                    try (ResultSet rows = exists.executeQuery()) {
                        rows.next();
                        found = rows.getString(1);
                    }
                }
                if (found == null) {
                    return fallback("no record of the move");
                }
                try (PreparedStatement query = coordinator.prepareStatement("SELECT from_local, from_server, from_schema,"
                        + " from_table FROM " + move.ledger() + " WHERE id = ? AND author = ? AND partition = ?")) {
                    query.setString(1, move.key().id());
                    query.setString(2, move.key().author());
                    query.setString(3, move.partition());
                    try (ResultSet rows = query.executeQuery()) {
                        if (!rows.next()) {
                            return fallback("no record of the move");
                        }
                        toLocal = rows.getBoolean(1);
                        toServer = rows.getString(2);
                        toSchema = rows.getString(3);
                        toTable = rows.getString(4);
                    }
                }
            }
            if ("r".equals(kind) && toLocal) {
                return fallback("the partition is a local table already");
            }
            return new Ends("f".equals(kind) ? server : null, sourceTable, toLocal ? null : toServer, toSchema, toTable,
                    localCopy, null);
        }
    }
}
