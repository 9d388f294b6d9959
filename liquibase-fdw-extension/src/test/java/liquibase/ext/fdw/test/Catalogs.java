package liquibase.ext.fdw.test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A readable snapshot of everything this extension can create in a database: relations and their kinds,
 * partitioning, partition bounds, foreign servers and tables with options, user mappings and extensions.
 * Liquibase's own tables are left out, so "exactly as before" after a rollback is one {@code assertEquals}.
 */
public final class Catalogs {
    private static final String USER_NAMESPACES =
            "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'"
                    + " AND n.nspname NOT LIKE 'pg_toast_temp%'";

    private Catalogs() {
    }

    /** The snapshot, as sorted lines, of the database behind {@code db}. */
    public static List<String> snapshot(TestDatabase db) throws SQLException {
        List<String> lines = new ArrayList<>();
        add(lines, "schema", db, "SELECT n.nspname FROM pg_namespace n WHERE " + USER_NAMESPACES);
        add(lines, "relation", db, "SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACES
                + " AND c.relname NOT LIKE 'databasechangelog%'"
                + " AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'i', 'I', 'S')");
        add(lines, "column", db, "SELECT n.nspname || '.' || c.relname || '.' || a.attname || ' '"
                + " || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " || coalesce(' options ' || array_to_string(a.attfdwoptions, ','), '')"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER_NAMESPACES + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND c.relname NOT LIKE 'databasechangelog%' AND c.relkind IN ('r', 'p', 'f')");
        add(lines, "constraint", db, "SELECT n.nspname || '.' || c.relname || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid)"
                + " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER_NAMESPACES + " AND c.relname NOT LIKE 'databasechangelog%'");
        add(lines, "partitioned", db, "SELECT p.partrelid::regclass::text || ' ' || pg_get_partkeydef(p.partrelid)"
                + " FROM pg_partitioned_table p");
        add(lines, "partition", db, "SELECT i.inhrelid::regclass::text || ' of ' || i.inhparent::regclass::text || ' '"
                + " || coalesce(pg_get_expr(c.relpartbound, c.oid), '') FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid");
        add(lines, "extension", db, "SELECT extname || ' ' || extnamespace::regnamespace::text FROM pg_extension");
        add(lines, "server", db, "SELECT s.srvname || ' ' || w.fdwname || ' ' || coalesce(s.srvtype, '-') || ' '"
                + " || coalesce(s.srvversion, '-') || ' ' || coalesce(array_to_string(s.srvoptions, ','), '')"
                + " FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw");
        add(lines, "user mapping", db, "SELECT srvname || ' ' || usename || ' ' || coalesce(array_to_string(umoptions, ','), '')"
                + " FROM pg_user_mappings");
        add(lines, "foreign table", db, "SELECT ft.ftrelid::regclass::text || ' ' || s.srvname || ' '"
                + " || coalesce(array_to_string(ft.ftoptions, ','), '')"
                + " FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver");
        lines.sort(null);
        return lines;
    }

    private static void add(List<String> lines, String kind, TestDatabase db, String sql) throws SQLException {
        for (String row : db.query(sql)) {
            lines.add(kind + ": " + row);
        }
    }
}
