package liquibase.ext.fdw.changelog.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import liquibase.database.AbstractJdbcDatabase;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.diff.DiffResult;
import liquibase.diff.output.DiffOutputControl;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.snapshot.ForeignTable;
import liquibase.ext.fdw.snapshot.Options;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Schema;
import liquibase.structure.core.Table;

/** Helpers shared by the change generators. */
public final class Generators {
    private Generators() {
    }

    /** Whether the generators apply: PostgreSQL only. */
    public static boolean applies(Database database) {
        return database instanceof PostgresDatabase;
    }

    /**
     * The schema name to write: always with --include-schema, otherwise only when it is not the reference database's
     * default schema (a changelog that drops it would create the object elsewhere).
     */
    public static String schema(DiffOutputControl control, Database referenceDatabase, String schemaName) {
        if (schemaName == null || control.getIncludeSchema()) {
            return schemaName;
        }
        return schemaName.equals(referenceDatabase.getDefaultSchemaName()) ? null : schemaName;
    }

    /** The options other than the named ones, as change options. */
    public static List<FdwOption> options(Map<String, String> options, List<String> without) {
        List<FdwOption> result = new ArrayList<>();
        options.forEach((name, value) -> {
            if (!without.contains(name)) {
                result.add(new FdwOption(name, value));
            }
        });
        return result;
    }

    /** The diff being turned into changes, which Liquibase keeps on the comparison database meanwhile. */
    public static DiffResult diffResult(Database comparisonDatabase) {
        if (comparisonDatabase instanceof AbstractJdbcDatabase jdbc && jdbc.get("diffResult") instanceof DiffResult diff) {
            return diff;
        }
        return null;
    }

    /** The table of the reference snapshot, or null. */
    public static Table referenceTable(Database comparisonDatabase, String schemaName, String tableName) {
        DiffResult diff = diffResult(comparisonDatabase);
        if (diff == null) {
            return null;
        }
        Table example = new Table().setName(tableName);
        example.setSchema(new Schema((String) null, schemaName));
        return diff.getReferenceSnapshot().get(example);
    }

    /** Whether the table is a partition ({@code partitionOf} set by the snapshot). */
    public static boolean isPartition(Table table) {
        return table != null && table.getAttribute("partitionOf", String.class) != null;
    }

    /** Whether the table is partitioned ({@code partitionBy} set by the snapshot). */
    public static boolean isPartitioned(Table table) {
        return table != null && table.getAttribute("partitionBy", String.class) != null;
    }

    /**
     * Whether the parent {@code schema.name} of an unexpected partition is unexpected too, so dropping the parent
     * drops the partition (drop-all, or a diff where the whole partitioned table is gone).
     */
    public static boolean parentGoesToo(Database comparisonDatabase, String parentSchema, String parentName) {
        DiffResult diff = diffResult(comparisonDatabase);
        if (diff == null) {
            return true;
        }
        Table example = new Table().setName(parentName);
        example.setSchema(new Schema((String) null, parentSchema));
        return diff.getReferenceSnapshot().get(example) == null;
    }

    /**
     * Whether foreign tables outside the schemas being dropped still use the server ({@code serverName}) or a server
     * of the extension ({@code extensionName}): drop-all runs schema by schema, and the server, its mappings and the
     * extension are dropped with the last schema that uses them.
     */
    public static boolean usedOutside(Database comparisonDatabase, String serverName, String extensionName) {
        DiffResult diff = diffResult(comparisonDatabase);
        if (diff == null || !(comparisonDatabase.getConnection() instanceof JdbcConnection jdbc)) {
            return false;
        }
        List<String> schemas = new ArrayList<>();
        for (Schema schema : diff.getComparisonSnapshot().get(Schema.class)) {
            schemas.add(schema.getName());
        }
        String sql = "SELECT count(*) FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver"
                + " JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + (serverName != null ? " WHERE s.srvname = ?"
                        : " JOIN pg_depend d ON d.classid = 'pg_foreign_data_wrapper'::regclass AND d.objid = s.srvfdw"
                                + " AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid WHERE e.extname = ?")
                + " AND NOT (n.nspname = ANY (?))";
        try (PreparedStatement statement = jdbc.getUnderlyingConnection().prepareStatement(sql)) {
            statement.setString(1, serverName != null ? serverName : extensionName);
            statement.setArray(2, statement.getConnection().createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new UnexpectedLiquibaseException("could not read which foreign tables use " + sql, e);
        }
    }

    /** Marks what a partition inherits from its parent (columns, keys, indexes) as handled with the partition. */
    public static void markInherited(Table table, Consumer<DatabaseObject> handled) {
        table.getColumns().forEach(handled);
        if (table.getPrimaryKey() != null) {
            handled.accept(table.getPrimaryKey());
        }
        table.getIndexes().forEach(handled);
        table.getUniqueConstraints().forEach(handled);
        table.getOutgoingForeignKeys().forEach(handled);
    }

    /**
     * Which of the shorthand options ({@code host}, {@code port}, {@code dbname}; {@code schema_name},
     * {@code table_name}) can be written as attributes: the change puts them first, in that order, so only when the
     * object has them first in that order; otherwise all options stay nested and keep PostgreSQL's order.
     */
    public static List<String> shorthands(List<String> optionsAsCreated, List<String> candidates) {
        List<String> names = new ArrayList<>(Options.asMap(optionsAsCreated).keySet());
        List<String> present = candidates.stream().filter(names::contains).toList();
        return names.size() >= present.size() && names.subList(0, present.size()).equals(present) ? present : List.of();
    }

    /**
     * Whether a foreign partition is written as {@code fdw:createPartition ... serverName} (CREATE FOREIGN TABLE ...
     * PARTITION OF, as it was most likely created): it has no options but the remote schema and table, and no column
     * options. Others are created as foreign tables and attached, which keeps every option.
     */
    public static boolean isSimpleForeignPartition(ForeignTable table) {
        return table != null && Boolean.TRUE.equals(table.getPartition())
                && shorthands(table.getOptionsAsCreated(), List.of("schema_name", "table_name")).size()
                        == table.getOptionsAsCreated().size()
                && !table.getColumnList().isEmpty()
                && table.getColumnList().stream().allMatch(c -> c.options().isEmpty());
    }

    /** The foreign table of the reference snapshot, or null. */
    public static ForeignTable referenceForeignTable(Database comparisonDatabase, String schemaName, String name) {
        DiffResult diff = diffResult(comparisonDatabase);
        if (diff == null) {
            return null;
        }
        ForeignTable example = new ForeignTable();
        example.setName(name);
        example.setSchemaName(schemaName);
        return diff.getReferenceSnapshot().get(example);
    }

    /**
     * The option actions that turn the target's options into the reference's: ADD or SET (in the reference's order)
     * what the reference has, DROP what only the target has; {@code without} are left out.
     */
    public static List<FdwOption> optionChanges(List<String> reference, List<String> target, List<String> without) {
        Map<String, String> wanted = Options.asMap(reference);
        Map<String, String> present = Options.asMap(target);
        List<FdwOption> changes = new ArrayList<>();
        wanted.forEach((name, value) -> {
            if (!without.contains(name) && !value.equals(present.get(name))) {
                changes.add(FdwOption.withAction(name, value, present.containsKey(name) ? "set" : "add"));
            }
        });
        present.keySet().forEach(name -> {
            if (!without.contains(name) && !wanted.containsKey(name)) {
                changes.add(FdwOption.withAction(name, null, "drop"));
            }
        });
        return changes;
    }
}
