package liquibase.ext.fdw.change.movepartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
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
 * lock, the empty target), then the rows go from {@code COPY (SELECT columns..., row_hash) TO STDOUT} on the source
 * (the coordinator for a local partition, else its node) into {@code COPY ... FROM STDIN} on the target in the
 * target's own open transaction (binary when both sides have the same built-in column types). The source server
 * hashes each row in the scan that copies it ({@code hash_record_extended} when every column type has a hash
 * function, else the hash of the row's text) and the stream adds the hashes up on the way; the target server
 * hashes its copy with the same expression in one pass. The {@link Mode#FINISH} block compares counts and sums and
 * swaps. The target commits only after that block succeeded, just before the coordinator: any failure before (a
 * mismatch, a killed coordinator session) rolls the copy back and leaves the old layout.
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
        try {
            Ends ends = Ends.read(coordinator, move);
            if (ends.fallback != null) {
                log.info(move.location + ": the rows move through postgres_fdw (" + ends.fallback + ")");
                return false;
            }
            // Both ends are reached at once: each connection costs an authentication round trip.
            CompletableFuture<Connection> sourceOpened = open(nodes, coordinator, ends.sourceServer);
            CompletableFuture<Connection> targetOpened = open(nodes, coordinator, ends.targetServer);
            source = settled(sourceOpened);
            target = settled(targetOpened);
            // A failure to open one end is thrown once both are held, so that the finally below closes the other.
            joined(sourceOpened);
            joined(targetOpened);
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
            Columns columns = columns(coordinator, move.parent);
            String targetTable = ends.targetServer == null ? ends.localCopy : Identifiers.quoted(ends.targetSchema, ends.targetTable);
            List<String> types = types(from, ends.sourceTable, columns);
            boolean binary = types != null && types.equals(types(to, targetTable, columns));
            // A node connection is fresh (auto-commit on): a refused probe there changes nothing.
            boolean hashed = binary && hashable(source != null ? source : target, types);
            String rowHash = hashed ? "hash_record_extended(ROW(" + columns.qualified() + "), 0)"
                    : "hashtextextended(ROW(" + columns.qualified() + ")::text, 0)";
            String format = binary ? " (FORMAT binary)" : "";
            if (source != null) {
                source.setAutoCommit(false);
            }
            if (target != null) {
                target.setAutoCommit(false);
            }
            // Text values are written, read and hashed under the same settings on both sides.
            String[] fromSettings = applySettings(from);
            String[] toSettings = from == to ? null : applySettings(to);
            long prepared = System.nanoTime();
            CopyStream.Copied copied = CopyStream.pipe(from, "COPY (SELECT " + columns.list() + ", " + rowHash + " FROM "
                    + ends.sourceTable + " t) TO STDOUT" + format, to, "COPY " + targetTable + " (" + columns.list()
                    + ") FROM STDIN" + format, binary);
            long piped = System.nanoTime();
            String[] targetSums;
            try (Statement query = to.createStatement(); ResultSet rows = query.executeQuery("SELECT count(*),"
                    + " coalesce(sum(" + rowHash + "), 0) FROM " + targetTable + " t")) {
                rows.next();
                targetSums = new String[] {rows.getString(1), rows.getBigDecimal(2).toPlainString()};
            }
            restoreSettings(from, fromSettings);
            restoreSettings(to, toSettings);
            if (source != null) {
                // The source node's transaction only read; it ends before the swap empties its table.
                source.commit();
            }
            long summed = System.nanoTime();
            sql.execute(move.block(Mode.FINISH, new Verified(copied.sent(), copied.sentSum(),
                    Long.parseLong(targetSums[0]), targetSums[1])));
            if (target != null) {
                target.commit();
            }
            log.info(move.location + ": " + copied.taken() + " rows copied with COPY (" + (binary ? "binary" : "text")
                    + ", rows hashed by " + (hashed ? "their types' hash functions" : "their text") + ") from "
                    + (ends.sourceServer == null ? "the coordinator" : "server " + ends.sourceServer) + " to "
                    + (ends.targetServer == null ? "the coordinator" : "server " + ends.targetServer) + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms (prepare " + millis(start, prepared) + ", copy "
                    + millis(prepared, piped) + ", target checksum " + millis(piped, summed) + ", swap " + millis(summed,
                    System.nanoTime()) + "); counts and checksums match");
            return true;
        } catch (SQLException e) {
            throw new DatabaseException(move.location + ": cannot move " + move.partition + ": the copy between the"
                    + " nodes failed: " + e.getMessage() + "; nothing changed.", e);
        } finally {
            rollbackAndClose(source);
            rollbackAndClose(target);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Opens the node of {@code server} in the background; null when no server is named or no node matches. */
    private static CompletableFuture<Connection> open(NodeConnections nodes, Connection coordinator, String server)
            throws SQLException {
        if (server == null) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> options = server(coordinator, server);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return nodes.open(options);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The connection a future opened, or null when it failed: the caller closes it either way. */
    private static Connection settled(CompletableFuture<Connection> future) {
        return future.handle((connection, failure) -> connection).join();
    }

    private static Connection joined(CompletableFuture<Connection> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Whether each column type has an extended hash function (json, point or money have none), asked of the server
     * with a row of typed NULLs.
     */
    private static boolean hashable(Connection connection, List<String> types) {
        StringBuilder row = new StringBuilder();
        for (String type : types) {
            row.append(row.length() == 0 ? "" : ", ").append("NULL::").append(type);
        }
        try (Statement probe = connection.createStatement();
                ResultSet rows = probe.executeQuery("SELECT hash_record_extended(ROW(" + row + "), 0)")) {
            return rows.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Sets the checksum's settings for the current transaction; returns the values they had. */
    private static String[] applySettings(Connection connection) throws SQLException {
        String[][] settings = PartitionMove.CHECKSUM_SETTINGS;
        String[] saved = new String[settings.length];
        StringBuilder read = new StringBuilder("SELECT ");
        for (int i = 0; i < settings.length; i++) {
            read.append(i == 0 ? "" : ", ").append("current_setting('").append(settings[i][0]).append("')");
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(read.toString())) {
            rows.next();
            for (int i = 0; i < settings.length; i++) {
                saved[i] = rows.getString(i + 1);
            }
        }
        set(connection, settings, null);
        return saved;
    }

    private static void restoreSettings(Connection connection, String[] saved) throws SQLException {
        if (saved != null) {
            set(connection, PartitionMove.CHECKSUM_SETTINGS, saved);
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

    /** The parent's columns, quoted as the block lists them: {@code a, b} and {@code t.a, t.b}. */
    private record Columns(List<String> quoted) {
        String list() {
            return String.join(", ", quoted);
        }

        String qualified() {
            return String.join(", ", quoted.stream().map(c -> "t." + c).toList());
        }
    }

    private static Columns columns(Connection coordinator, String parent) throws SQLException {
        try (PreparedStatement query = coordinator.prepareStatement("SELECT quote_ident(attname) FROM pg_attribute WHERE"
                + " attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
            query.setString(1, parent);
            List<String> names = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return new Columns(List.copyOf(names));
        }
    }

    /**
     * The columns' types in the listed order, or null when one is not built in: binary COPY needs the same built-in
     * types on both sides (arrays carry their element type's oid).
     */
    private static List<String> types(Connection connection, String table, Columns columns) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT CASE WHEN bool_and(a.atttypid < 16384) THEN"
                + " array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY array_position(?, quote_ident(a.attname)))"
                + " END FROM pg_attribute a WHERE a.attrelid = ?::regclass AND quote_ident(a.attname) = ANY (?)"
                + " AND NOT a.attisdropped")) {
            java.sql.Array list = connection.createArrayOf("text", columns.quoted().toArray());
            query.setArray(1, list);
            query.setString(2, table);
            query.setArray(3, list);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                java.sql.Array types = rows.getArray(1);
                return types == null ? null : List.of((String[]) types.getArray());
            }
        }
    }

    /** Sets {@code settings} (or their {@code values}) for the current transaction, in one round trip. */
    private static void set(Connection connection, String[][] settings, String[] values) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < settings.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("set_config(?, ?, true)");
        }
        try (PreparedStatement set = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < settings.length; i++) {
                set.setString(2 * i + 1, settings[i][0]);
                set.setString(2 * i + 2, values == null ? settings[i][1] : values[i]);
            }
            set.execute();
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
