package liquibase.ext.fdw.replication;

import java.util.ArrayList;
import java.util.List;
import liquibase.database.Database;
import liquibase.ext.fdw.sql.Identifiers;

/**
 * SQL pieces shared by the publication and subscription change types: comma-separated name lists (tables as
 * {@code schema.table} or {@code table}, publications) and libpq connection strings.
 */
public final class ReplicationSql {
    private ReplicationSql() {
    }

    /** The items of a comma-separated attribute, trimmed; empty items are kept as "" for validation to report. */
    public static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String part : text.split(",", -1)) {
            items.add(part.trim());
        }
        return items;
    }

    /** {@code a, s.b}: each name quoted as PostgreSQL needs, a schema before the first dot. */
    public static String tables(Database database, List<String> tables) {
        List<String> rendered = new ArrayList<>();
        for (String table : tables) {
            int dot = table.indexOf('.');
            rendered.add(dot < 0 ? Identifiers.quote(database, table)
                    : Identifiers.quote(database, table.substring(0, dot)) + "." + Identifiers.quote(database, table.substring(dot + 1)));
        }
        return String.join(", ", rendered);
    }

    /** {@code a, b}: each name quoted as PostgreSQL needs. */
    public static String names(Database database, List<String> names) {
        List<String> rendered = new ArrayList<>();
        for (String name : names) {
            rendered.add(Identifiers.quote(database, name));
        }
        return String.join(", ", rendered);
    }

    /** A libpq {@code key=value} pair; the value single-quoted with {@code \} escapes when libpq needs it. */
    public static String conninfo(String key, String value) {
        if (!value.isEmpty() && value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '\\')) {
            return key + "=" + value;
        }
        return key + "='" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
