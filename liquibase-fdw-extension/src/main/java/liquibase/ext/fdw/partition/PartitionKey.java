package liquibase.ext.fdw.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import liquibase.database.Database;
import liquibase.ext.fdw.sql.Identifiers;

/**
 * A partition key as written in a changelog: comma-separated items, each a column name (quoted as PostgreSQL needs)
 * or an expression (rendered in parentheses), e.g. {@code reading_date} or {@code city, (date_trunc('year', at))}.
 */
public final class PartitionKey {
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$ ]*|\"([^\"]|\"\")+\"");

    private PartitionKey() {
    }

    /** The key's items, split at top-level commas (not inside parentheses or quotes). */
    public static List<String> items(String key) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        items.add(current.toString().trim());
        return items;
    }

    /** Whether the item is a plain column name rather than an expression. */
    public static boolean isColumn(String item) {
        return COLUMN.matcher(item).matches() && !item.contains("  ");
    }

    /** {@code PARTITION BY <strategy> (<items>)}. */
    public static String clause(String strategy, String key, Database database) {
        List<String> rendered = new ArrayList<>();
        for (String item : items(key)) {
            if (item.startsWith("\"")) {
                rendered.add(item);
            } else if (isColumn(item)) {
                rendered.add(Identifiers.quote(database, item));
            } else {
                rendered.add(item.startsWith("(") && item.endsWith(")") ? item : "(" + item + ")");
            }
        }
        return "PARTITION BY " + strategy + " (" + String.join(", ", rendered) + ")";
    }
}
