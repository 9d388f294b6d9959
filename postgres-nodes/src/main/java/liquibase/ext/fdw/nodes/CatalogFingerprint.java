package liquibase.ext.fdw.nodes;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a user's database on one node consists of, read from {@code pg_catalog}: schemas, relations, columns,
 * constraints, indexes, sequences, views, functions, triggers, foreign data wrappers, servers, user mappings, foreign
 * tables, extensions, publications and subscriptions (with owners and grants), plus a count and an order-independent
 * checksum of the rows of every table and every top-level partitioned table (rows of foreign partitions included).
 * Tables that a rollback legitimately leaves behind (Liquibase's own and the extension's ledgers) are excluded by the
 * caller. Secret option values (password, sslpassword) are compared as digests and never shown. Used by the topology
 * engine's updateTestingRollback and by tests that compare a database before and after a rollback.
 */
public final class CatalogFingerprint {
    private static final String USER_NAMESPACE = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";
    private static final String SECRET_OPTIONS = "('password', 'sslpassword')";

    /** One catalog object: what it is, shown in messages, and a digest of its secret option values (never shown). */
    private record Entry(String value, String secretDigest) {
    }

    private final SortedMap<String, Entry> catalog;
    private final SortedMap<String, String> rows;

    private CatalogFingerprint(SortedMap<String, Entry> catalog, SortedMap<String, String> rows) {
        this.catalog = catalog;
        this.rows = rows;
    }

    /**
     * Reads the fingerprint of the database {@code connection} is connected to; relations named (case-insensitively)
     * in {@code excludedTables}, with their columns, constraints, indexes, triggers and rows, are left out.
     */
    public static CatalogFingerprint read(Connection connection, Collection<String> excludedTables) throws SQLException {
        Array excluded = excluded(connection, excludedTables);
        return new CatalogFingerprint(catalog(connection, excluded), rows(connection, excluded));
    }

    /**
     * The catalogs only, without rows: for databases whose foreign tables point at servers that do not answer (rows
     * of a partitioned parent with foreign partitions are read through them).
     */
    public static CatalogFingerprint readCatalogs(Connection connection, Collection<String> excludedTables)
            throws SQLException {
        return new CatalogFingerprint(catalog(connection, excluded(connection, excludedTables)), new TreeMap<>());
    }

    private static Array excluded(Connection connection, Collection<String> excludedTables) throws SQLException {
        return connection.createArrayOf("text", excludedTables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray());
    }

    private static SortedMap<String, Entry> catalog(Connection connection, Array excluded) throws SQLException {
        SortedMap<String, Entry> catalog = new TreeMap<>();
        for (String query : catalogQueries()) {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                    statement.setArray(i, excluded);
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        catalog.put(result.getString(1), new Entry(Objects.toString(result.getString(2), ""),
                                result.getString(3)));
                    }
                }
            }
        }
        return catalog;
    }

    /**
     * The catalog part as sorted lines {@code object: what it is}, e.g. for one {@code assertEquals} in a test; secret
     * option values are not in the lines ({@link #differences} compares them).
     */
    public List<String> catalogLines() {
        List<String> lines = new ArrayList<>();
        catalog.forEach((key, entry) -> lines.add(key + ": " + entry.value()));
        return lines;
    }

    /** Every difference between {@code before} and {@code after} on {@code node}, one line each, in object order. */
    public static List<String> differences(String node, CatalogFingerprint before, CatalogFingerprint after) {
        List<String> lines = new ArrayList<>();
        TreeMap<String, Boolean> keys = new TreeMap<>();
        before.catalog.keySet().forEach(k -> keys.put(k, true));
        after.catalog.keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            Entry was = before.catalog.get(key);
            Entry is = after.catalog.get(key);
            String prefix = "[" + node + "] " + key + ": ";
            if (was == null) {
                lines.add(prefix + "left behind by the rollback (" + is.value() + ")");
            } else if (is == null) {
                lines.add(prefix + "missing after the rollback (before: " + was.value() + ")");
            } else if (!was.value().equals(is.value())) {
                lines.add(prefix + "before the update " + was.value() + "; after the rollback " + is.value());
            } else if (!Objects.equals(was.secretDigest(), is.secretDigest())) {
                lines.add(prefix + "a password or sslpassword option differs after the rollback (values not shown)");
            }
        }
        // A table the rollback dropped or left behind is reported above; here only rows of tables in both.
        for (Map.Entry<String, String> was : before.rows.entrySet()) {
            String is = after.rows.get(was.getKey());
            if (is != null && !is.equals(was.getValue())) {
                lines.add("[" + node + "] rows of " + was.getKey() + ": before the update " + was.getValue()
                        + "; after the rollback " + is);
            }
        }
        return lines;
    }

    private static SortedMap<String, String> rows(Connection connection, Array excluded) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT format('%I.%I', n.nspname, c.relname)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACE
                + " AND (c.relkind = 'r' OR (c.relkind = 'p' AND NOT c.relispartition))"
                + " AND lower(c.relname) <> ALL (?) AND " + notExtensionMember("pg_class", "c.oid"))) {
            statement.setArray(1, excluded);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
        }
        SortedMap<String, String> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                // A sum of row hashes: independent of order, and a duplicated row counts twice.
                try (ResultSet result = statement.executeQuery("SELECT count(*), coalesce(sum(hashtextextended(t::text,"
                        + " 0)::numeric), 0) FROM " + table + " AS t")) {
                    result.next();
                    rows.put(table, result.getLong(1) + " row(s), checksum " + result.getString(2));
                }
            }
        }
        return rows;
    }

    private static String notExtensionMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = "
                + oid + " AND d.deptype = 'e')";
    }

    /** The visible options of {@code column} (sorted), secret ones named with their value hidden. */
    private static String shownOptions(String column) {
        return "(SELECT string_agg(CASE WHEN split_part(o, '=', 1) IN " + SECRET_OPTIONS
                + " THEN split_part(o, '=', 1) || '=(not shown)' ELSE o END, ',' ORDER BY o) FROM unnest(" + column
                + ") o)";
    }

    /**
     * The privileges of {@code acl}, sorted, or null when they are PostgreSQL's default for the object's kind and
     * owner: a null ACL means the default, and a GRANT followed by its REVOKE leaves the default spelled out, which
     * must compare equal to never having granted.
     */
    private static String grants(String acl, String kind, String owner) {
        String defaults = "acldefault((" + kind + ")::\"char\", " + owner + ")";
        return "(SELECT CASE WHEN x.given IS NOT DISTINCT FROM x.standard THEN NULL ELSE x.given END FROM (SELECT"
                + " (SELECT string_agg(g::text, ',' ORDER BY g::text) FROM unnest(coalesce(" + acl + ", " + defaults
                + ")) g) AS given, (SELECT string_agg(g::text, ',' ORDER BY g::text) FROM unnest(" + defaults
                + ") g) AS standard) x)";
    }

    /** A digest of the secret options of {@code column}, compared but never shown. */
    private static String secretDigest(String column) {
        return "(SELECT md5(string_agg(o, ',' ORDER BY o)) FROM unnest(" + column + ") o WHERE split_part(o, '=', 1) IN "
                + SECRET_OPTIONS + ")";
    }

    private static List<String> catalogQueries() {
        String relation = "format('%I.%I', n.nspname, c.relname)";
        String userRelation = " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACE
                + " AND lower(c.relname) <> ALL (?) AND " + notExtensionMember("pg_class", "c.oid");
        return List.of(
                "SELECT 'schema ' || quote_ident(n.nspname), concat_ws(', ', 'owner ' || pg_get_userbyid(n.nspowner),"
                        + " 'grants ' || " + grants("n.nspacl", "'n'", "n.nspowner") + "), NULL FROM pg_namespace n"
                        + " WHERE " + USER_NAMESPACE + " AND "
                        + notExtensionMember("pg_namespace", "n.oid"),
                "SELECT 'relation ' || " + relation + ", concat_ws(', ', CASE c.relkind WHEN 'r' THEN 'table'"
                        + " WHEN 'p' THEN 'partitioned table' WHEN 'f' THEN 'foreign table' WHEN 'v' THEN 'view'"
                        + " WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' END,"
                        + " CASE c.relpersistence WHEN 'u' THEN 'unlogged' WHEN 't' THEN 'temporary' END,"
                        + " 'owner ' || pg_get_userbyid(c.relowner),"
                        + " 'partition of ' || (SELECT i.inhparent::regclass::text FROM pg_inherits i"
                        + " WHERE i.inhrelid = c.oid AND c.relispartition),"
                        + " 'bound ' || CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,"
                        + " 'partitioned by ' || CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
                        + " 'storage options ' || array_to_string(c.reloptions, ','),"
                        + " 'grants ' || " + grants("c.relacl", "CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END",
                                "c.relowner") + ","
                        + " 'definition ' || CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END), NULL"
                        + userRelation + " AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')",
                "SELECT 'column ' || " + relation + " || '.' || quote_ident(a.attname), concat_ws(', ',"
                        + " format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'not null' END,"
                        + " 'default ' || pg_get_expr(ad.adbin, ad.adrelid),"
                        + " CASE a.attidentity WHEN 'a' THEN 'generated always as identity'"
                        + " WHEN 'd' THEN 'generated by default as identity' END,"
                        + " CASE WHEN a.attgenerated = 's' THEN 'generated stored' END,"
                        + " 'collate ' || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation"
                        + " THEN a.attcollation::regcollation::text END,"
                        + " 'options ' || " + shownOptions("a.attfdwoptions") + ","
                        + " 'position ' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)), NULL"
                        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
                        + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum WHERE "
                        + USER_NAMESPACE + " AND a.attnum > 0 AND NOT a.attisdropped"
                        + " AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND lower(c.relname) <> ALL (?) AND "
                        + notExtensionMember("pg_class", "c.oid"),
                "SELECT 'constraint ' || " + relation + " || ' ' || quote_ident(co.conname),"
                        + " pg_get_constraintdef(co.oid), NULL FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACE
                        + " AND lower(c.relname) <> ALL (?)",
                "SELECT 'index ' || format('%I.%I', n.nspname, ic.relname), pg_get_indexdef(ic.oid), NULL"
                        + " FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
                        + " JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE " + USER_NAMESPACE
                        + " AND lower(c.relname) <> ALL (?) AND " + notExtensionMember("pg_class", "c.oid"),
                "SELECT 'sequence ' || " + relation + ", concat_ws(', ', format_type(s.seqtypid, NULL),"
                        + " 'start ' || s.seqstart, 'increment ' || s.seqincrement, 'min ' || s.seqmin,"
                        + " 'max ' || s.seqmax, 'cache ' || s.seqcache, CASE WHEN s.seqcycle THEN 'cycle' END,"
                        + " 'owned by ' || (SELECT format('%s.%I', dep.refobjid::regclass, a.attname) FROM pg_depend dep"
                        + " JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid"
                        + " WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid"
                        + " AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i') LIMIT 1)), NULL"
                        + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACE
                        + " AND lower(c.relname) <> ALL (?) AND " + notExtensionMember("pg_class", "c.oid"),
                "SELECT 'function ' || format('%I.%I', n.nspname, p.proname) || '('"
                        + " || pg_get_function_identity_arguments(p.oid) || ')', concat_ws(', ',"
                        + " CASE p.prokind WHEN 'f' THEN 'function' WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'"
                        + " WHEN 'w' THEN 'window function' END, 'returns ' || pg_get_function_result(p.oid),"
                        + " 'owner ' || pg_get_userbyid(p.proowner), 'grants ' || " + grants("p.proacl", "'f'", "p.proowner") + ","
                        + " 'definition md5 ' || CASE WHEN p.prokind IN ('f', 'p') THEN md5(pg_get_functiondef(p.oid))"
                        + " END), NULL FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE "
                        + USER_NAMESPACE + " AND " + notExtensionMember("pg_proc", "p.oid"),
                "SELECT 'trigger ' || " + relation + " || ' ' || quote_ident(tg.tgname), pg_get_triggerdef(tg.oid)"
                        + " || CASE tg.tgenabled WHEN 'D' THEN ' (disabled)' ELSE '' END, NULL FROM pg_trigger tg"
                        + " JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                        + USER_NAMESPACE + " AND NOT tg.tgisinternal AND lower(c.relname) <> ALL (?)",
                "SELECT 'extension ' || quote_ident(e.extname), 'version ' || e.extversion || ' in schema '"
                        + " || e.extnamespace::regnamespace::text, NULL FROM pg_extension e",
                "SELECT 'foreign data wrapper ' || quote_ident(w.fdwname), concat_ws(', ',"
                        + " 'owner ' || pg_get_userbyid(w.fdwowner), 'options ' || " + shownOptions("w.fdwoptions")
                        + ", 'grants ' || " + grants("w.fdwacl", "'F'", "w.fdwowner") + "), " + secretDigest("w.fdwoptions")
                        + " FROM pg_foreign_data_wrapper w",
                "SELECT 'server ' || quote_ident(s.srvname), concat_ws(', ', 'wrapper ' || w.fdwname,"
                        + " 'type ' || s.srvtype, 'version ' || s.srvversion, 'owner ' || pg_get_userbyid(s.srvowner),"
                        + " 'options ' || " + shownOptions("s.srvoptions") + ","
                        + " 'grants ' || " + grants("s.srvacl", "'S'", "s.srvowner") + "), "
                        + secretDigest("s.srvoptions") + " FROM pg_foreign_server s"
                        + " JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw",
                "SELECT 'user mapping for ' || um.usename || ' server ' || quote_ident(um.srvname),"
                        + " coalesce('options ' || " + shownOptions("um.umoptions") + ", 'no options'), "
                        + secretDigest("um.umoptions") + " FROM pg_user_mappings um",
                "SELECT 'foreign table ' || " + relation + ", concat_ws(', ', 'server ' || quote_ident(s.srvname),"
                        + " 'options ' || " + shownOptions("ft.ftoptions") + "), " + secretDigest("ft.ftoptions")
                        + " FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_foreign_server s ON s.oid = ft.ftserver"
                        + " WHERE lower(c.relname) <> ALL (?)",
                "SELECT 'publication ' || quote_ident(p.pubname), concat_ws(', ', 'owner ' || pg_get_userbyid(p.pubowner),"
                        + " CASE WHEN p.puballtables THEN 'for all tables' END, 'publishes ' || concat_ws(',',"
                        + " CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,"
                        + " CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END),"
                        + " CASE WHEN p.pubviaroot THEN 'via root' END, 'tables ' || (SELECT string_agg(x.name, ','"
                        + " ORDER BY x.name) FROM (SELECT format('%I.%I', pt.schemaname, pt.tablename) AS name"
                        + " FROM pg_publication_tables pt WHERE pt.pubname = p.pubname) x)), NULL FROM pg_publication p",
                // subconninfo is readable by superusers only, and holds the password: not read.
                "SELECT 'subscription ' || quote_ident(s.subname), concat_ws(', ', 'owner ' || pg_get_userbyid(s.subowner),"
                        + " CASE WHEN s.subenabled THEN 'enabled' ELSE 'disabled' END,"
                        + " 'publications ' || array_to_string(s.subpublications, ','), 'slot ' || s.subslotname), NULL"
                        + " FROM pg_subscription s WHERE s.subdbid = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database())");
    }
}
