package liquibase.ext.fdw.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.InvalidExampleException;
import liquibase.snapshot.SnapshotGenerator;
import liquibase.snapshot.SnapshotGeneratorChain;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Schema;
import liquibase.structure.core.Table;

/**
 * Reads the extension's objects from PostgreSQL's catalogs: extensions, foreign servers, user mappings (never the
 * secrets), foreign tables and partitions of each snapshotted schema; and stamps partitioned tables with
 * {@code partitionBy} ({@code pg_get_partkeydef}, the attribute and value liquibase-core 5.0 uses for the same
 * thing, so both agree) and partitions with {@code partitionOf}.
 */
public class FdwSnapshotGenerator implements SnapshotGenerator {
    private static final List<Class<? extends FdwObject>> TYPES =
            List.of(Extension.class, ForeignServer.class, UserMapping.class, ForeignTable.class, Partition.class);
    private static final List<String> SECRETS = List.of("password", "sslpassword");

    @Override
    public int getPriority(Class<? extends DatabaseObject> objectType, Database database) {
        if (!(database instanceof PostgresDatabase)) {
            return PRIORITY_NONE;
        }
        if (FdwObject.class.isAssignableFrom(objectType)) {
            return PRIORITY_DATABASE;
        }
        if (Schema.class.isAssignableFrom(objectType) || Table.class.isAssignableFrom(objectType)) {
            return PRIORITY_ADDITIONAL;
        }
        return PRIORITY_NONE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends DatabaseObject>[] addsTo() {
        return new Class[] {Schema.class, Table.class};
    }

    @Override
    public Class<? extends SnapshotGenerator>[] replaces() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends DatabaseObject> T snapshot(T example, DatabaseSnapshot snapshot, SnapshotGeneratorChain chain)
            throws DatabaseException, InvalidExampleException {
        if (example instanceof FdwObject object) {
            if (object.isComplete()) {
                return example;
            }
            for (FdwObject found : read(object.getClass(), object.getSchemaName(), snapshot.getDatabase())) {
                if (Objects.equals(found.getName(), object.getName())
                        && Objects.equals(found.getSchemaName(), object.getSchemaName())) {
                    return (T) found;
                }
            }
            return null;
        }
        T result = chain.snapshot(example, snapshot);
        if (result instanceof Table table && FdwLedgerTables.NAMES.contains(table.getName())
                && snapshot.getDatabase().isLiquibaseObject(table)) {
            // Bookkeeping of rollbacks, like DATABASECHANGELOG, but a database built from a changelog may not have
            // it yet: left out, a diff does not report it as missing or unexpected.
            return null;
        }
        if (result instanceof Schema schema && schema.getName() != null) {
            for (Class<? extends FdwObject> type : TYPES) {
                if (snapshot.getSnapshotControl().shouldInclude(type)) {
                    for (FdwObject found : read(type, schema.getName(), snapshot.getDatabase())) {
                        schema.addDatabaseObject(found);
                    }
                }
            }
        } else if (result instanceof Table table && table.getSchema() != null && table.getSchema().getName() != null
                && snapshot.getSnapshotControl().shouldInclude(Partition.class)) {
            // Without partitions in the snapshot (diff types chosen without them) tables stay as core sees them, so
            // no partition is left out of a changelog.
            stampPartitioning(table, snapshot.getDatabase());
        }
        return result;
    }

    private static List<? extends FdwObject> read(Class<? extends FdwObject> type, String schema, Database database)
            throws DatabaseException {
        if (!(database.getConnection() instanceof JdbcConnection jdbc)) {
            return List.of();
        }
        try {
            Connection connection = jdbc.getUnderlyingConnection();
            List<? extends FdwObject> found;
            if (type == Extension.class) {
                found = extensions(connection, schema);
            } else if (type == ForeignServer.class) {
                found = servers(connection, schema, isDefault(schema, database));
            } else if (type == UserMapping.class) {
                found = mappings(connection, schema, isDefault(schema, database));
            } else if (type == ForeignTable.class) {
                found = foreignTables(connection, schema);
            } else {
                found = partitions(connection, schema);
            }
            found.forEach(o -> o.setComplete(true));
            return found;
        } catch (SQLException e) {
            throw new DatabaseException("could not read the " + type.getSimpleName() + " catalog: " + e.getMessage(), e);
        }
    }

    private static String isDefault(String schema, Database database) {
        return String.valueOf(schema == null || schema.equals(database.getDefaultSchemaName()));
    }

    /**
     * Servers belong to no schema: a schema's snapshot holds those its foreign tables use, and the default schema's
     * also those no foreign table uses, so a snapshot of the schemas of a coordinator is complete and drop-all of an
     * unrelated schema leaves them alone.
     */
    private static final String SERVER_OF_SCHEMA = "(EXISTS (SELECT 1 FROM pg_foreign_table ft JOIN pg_class c"
            + " ON c.oid = ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ft.ftserver = s.oid"
            + " AND n.nspname = ?) OR ?::boolean)";

    private static List<Extension> extensions(Connection connection, String schema) throws SQLException {
        List<Extension> found = new ArrayList<>();
        for (List<String> row : query(connection, "SELECT e.extname, e.extversion, n.nspname FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = ? OR EXISTS (SELECT 1"
                + " FROM pg_depend d JOIN pg_foreign_server s ON s.srvfdw = d.objid JOIN pg_foreign_table ft"
                + " ON ft.ftserver = s.oid JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace fn"
                + " ON fn.oid = c.relnamespace WHERE d.classid = 'pg_foreign_data_wrapper'::regclass"
                + " AND d.refobjid = e.oid AND d.deptype = 'e' AND fn.nspname = ?) ORDER BY 1", schema, schema)) {
            Extension extension = new Extension().setVersion(row.get(1));
            extension.setName(row.get(0));
            extension.setSchemaName(row.get(2));
            found.add(extension);
        }
        return found;
    }

    private static List<ForeignServer> servers(Connection connection, String schema, String isDefault)
            throws SQLException {
        Map<String, ForeignServer> found = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (List<String> row : query(connection, "SELECT s.srvname, w.fdwname, s.srvtype, s.srvversion,"
                + " o.option_name, o.option_value FROM pg_foreign_server s"
                + " JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw"
                + " LEFT JOIN LATERAL pg_options_to_table(s.srvoptions) WITH ORDINALITY o ON true WHERE "
                + SERVER_OF_SCHEMA + " ORDER BY 1, o.ordinality", schema, isDefault)) {
            found.computeIfAbsent(row.get(0), name -> {
                ForeignServer server = new ForeignServer().setFdwName(row.get(1)).setType(row.get(2))
                        .setVersion(row.get(3));
                server.setName(name);
                return server;
            });
            List<String> list = options.computeIfAbsent(row.get(0), name -> new ArrayList<>());
            if (row.get(4) != null) {
                list.add(row.get(4) + "=" + row.get(5));
            }
        }
        found.forEach((name, server) -> server.setOptions(options.get(name)));
        return new ArrayList<>(found.values());
    }

    private static List<UserMapping> mappings(Connection connection, String schema, String isDefault)
            throws SQLException {
        Map<String, UserMapping> found = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        // The secrets' values are not even fetched: only whether a password is there.
        for (List<String> row : query(connection, "SELECT um.usename, um.srvname, o.option_name,"
                + " CASE WHEN o.option_name IN ('password', 'sslpassword') THEN NULL ELSE o.option_value END"
                + " FROM pg_user_mappings um JOIN pg_foreign_server s ON s.oid = um.srvid"
                + " LEFT JOIN LATERAL pg_options_to_table(um.umoptions) WITH ORDINALITY o ON true WHERE "
                + SERVER_OF_SCHEMA + " ORDER BY 2, 1, o.ordinality", schema, isDefault)) {
            String key = row.get(0) + "@" + row.get(1);
            UserMapping mapping = found.computeIfAbsent(key, name -> {
                UserMapping created = new UserMapping().setUserName(row.get(0)).setServerName(row.get(1))
                        .setPasswordSet(false);
                created.setName(name);
                return created;
            });
            List<String> list = options.computeIfAbsent(key, name -> new ArrayList<>());
            String option = row.get(2);
            if (option == null) {
                continue;
            }
            if (SECRETS.contains(option)) {
                if ("password".equals(option)) {
                    mapping.setPasswordSet(true);
                }
            } else {
                list.add(option + "=" + row.get(3));
            }
        }
        found.forEach((name, mapping) -> mapping.setOptions(options.get(name)));
        return new ArrayList<>(found.values());
    }

    private static List<ForeignTable> foreignTables(Connection connection, String schema) throws SQLException {
        Map<String, ForeignTable> found = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (List<String> row : query(connection, "SELECT c.relname, s.srvname, c.relispartition::text,"
                + " o.option_name, o.option_value FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_foreign_server s ON s.oid = ft.ftserver"
                + " LEFT JOIN LATERAL pg_options_to_table(ft.ftoptions) WITH ORDINALITY o ON true WHERE n.nspname = ?"
                + " ORDER BY 1, o.ordinality",
                schema)) {
            found.computeIfAbsent(row.get(0), name -> {
                ForeignTable table = new ForeignTable().setServerName(row.get(1))
                        .setPartition(Boolean.parseBoolean(row.get(2)));
                table.setName(name);
                table.setSchemaName(schema);
                return table;
            });
            List<String> list = options.computeIfAbsent(row.get(0), name -> new ArrayList<>());
            if (row.get(3) != null) {
                list.add(row.get(3) + "=" + row.get(4));
            }
        }
        found.forEach((name, table) -> table.setOptions(options.get(name)));
        String previous = null;
        List<String> columnOptions = new ArrayList<>();
        List<String> last = null;
        for (List<String> row : query(connection, "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull::text, o.option_name, o.option_value, a.attnum::text FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN LATERAL pg_options_to_table(a.attfdwoptions) WITH ORDINALITY o ON true"
                + " WHERE n.nspname = ? AND c.relkind = 'f' AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY c.relname, a.attnum, o.ordinality", schema)) {
            String key = row.get(0) + "\0" + row.get(6);
            if (!key.equals(previous)) {
                addColumn(found, last, columnOptions);
                previous = key;
                last = row;
                columnOptions = new ArrayList<>();
            }
            if (row.get(4) != null) {
                columnOptions.add(row.get(4) + "=" + row.get(5));
            }
        }
        addColumn(found, last, columnOptions);
        return new ArrayList<>(found.values());
    }

    private static void addColumn(Map<String, ForeignTable> tables, List<String> row, List<String> options) {
        if (row != null && tables.containsKey(row.get(0))) {
            tables.get(row.get(0)).addColumn(new ForeignTableColumn(row.get(1), row.get(2),
                    Boolean.parseBoolean(row.get(3)), List.copyOf(options)));
        }
    }

    private static List<Partition> partitions(Connection connection, String schema) throws SQLException {
        List<Partition> found = new ArrayList<>();
        for (List<String> row : query(connection, "SELECT c.relname, pn.nspname, p.relname,"
                + " pg_get_expr(c.relpartbound, c.oid), (c.relkind = 'f')::text,"
                + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent"
                + " JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                + " WHERE c.relispartition AND c.relkind IN ('r', 'p', 'f') AND n.nspname = ? ORDER BY 1", schema)) {
            Partition partition = new Partition().setParentSchemaName(row.get(1)).setParentTableName(row.get(2))
                    .setBound(row.get(3)).setForeign(Boolean.parseBoolean(row.get(4))).setPartitionBy(row.get(5));
            partition.setName(row.get(0));
            partition.setSchemaName(schema);
            found.add(partition);
        }
        return found;
    }

    private static void stampPartitioning(Table table, Database database) throws DatabaseException {
        if (!(database.getConnection() instanceof JdbcConnection jdbc)) {
            return;
        }
        try {
            List<List<String>> rows = query(jdbc.getUnderlyingConnection(), "SELECT"
                    + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
                    + " (SELECT pn.nspname || '.' || p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                    + " JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND c.relname = ?", table.getSchema().getName(), table.getName());
            if (rows.isEmpty()) {
                return;
            }
            if (rows.get(0).get(0) != null) {
                table.setAttribute("partitionBy", rows.get(0).get(0));
            }
            if (rows.get(0).get(1) != null) {
                table.setAttribute("partitionOf", rows.get(0).get(1));
            }
        } catch (SQLException e) {
            throw new DatabaseException("could not read the partitioning of " + table.getName() + ": " + e.getMessage(), e);
        }
    }

    private static List<List<String>> query(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
