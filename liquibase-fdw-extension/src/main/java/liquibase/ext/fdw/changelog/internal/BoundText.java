package liquibase.ext.fdw.changelog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A partition bound as PostgreSQL prints it ({@code pg_get_expr(relpartbound, oid)}) split into the change types'
 * bound attributes. The items inside the parentheses are already SQL-style ({@code 'it''s'}, {@code MINVALUE},
 * {@code NULL}, bare numbers), which is the attribute syntax, so they are passed on unchanged.
 */
public record BoundText(String from, String to, String values, String modulus, String remainder, boolean isDefault) {

    /** Parses {@code DEFAULT}, {@code FOR VALUES FROM (..) TO (..)}, {@code FOR VALUES IN (..)}, {@code FOR VALUES WITH (..)}. */
    public static BoundText parse(String bound) {
        String text = bound.trim();
        if (text.equals("DEFAULT")) {
            return new BoundText(null, null, null, null, null, true);
        }
        String prefix = "FOR VALUES ";
        if (!text.startsWith(prefix)) {
            throw new IllegalArgumentException("not a partition bound: " + bound);
        }
        text = text.substring(prefix.length());
        if (text.startsWith("FROM ")) {
            int open = text.indexOf('(');
            int close = closing(text, open);
            String from = plain(text.substring(open + 1, close));
            String rest = text.substring(close + 1).trim();
            if (!rest.startsWith("TO ")) {
                throw new IllegalArgumentException("range bound without TO: " + bound);
            }
            int open2 = rest.indexOf('(');
            int close2 = closing(rest, open2);
            return new BoundText(from, plain(rest.substring(open2 + 1, close2)), null, null, null, false);
        }
        if (text.startsWith("IN ")) {
            int open = text.indexOf('(');
            return new BoundText(null, null, plain(text.substring(open + 1, closing(text, open))), null, null, false);
        }
        if (text.startsWith("WITH ")) {
            int open = text.indexOf('(');
            String inside = text.substring(open + 1, closing(text, open));
            String modulus = null;
            String remainder = null;
            for (String part : inside.split(",")) {
                String[] words = part.trim().split("\\s+");
                if (words[0].equals("modulus")) {
                    modulus = words[1];
                } else if (words[0].equals("remainder")) {
                    remainder = words[1];
                }
            }
            return new BoundText(null, null, null, modulus, remainder, false);
        }
        throw new IllegalArgumentException("not a partition bound: " + bound);
    }

    /** A YAML 1.1 timestamp: unquoted in a YAML changelog it would be read as a date, not as the text it is. */
    private static final java.util.regex.Pattern YAML_TIMESTAMP = java.util.regex.Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}.*");

    /**
     * The items with the quotes taken off literals that need none in the attribute syntax (no comma, quote,
     * backslash or surrounding space, not a keyword), so {@code 'Oslo'} reads {@code Oslo}. Dates and timestamps keep
     * their quotes: written bare into a YAML changelog they would come back as YAML dates, shifted by the time zone.
     */
    static String plain(String items) {
        List<String> result = new ArrayList<>();
        for (String item : liquibase.ext.fdw.partition.PartitionKey.items(items)) {
            if (item.length() > 2 && item.startsWith("'") && item.endsWith("'")) {
                String inner = item.substring(1, item.length() - 1);
                boolean simple = !inner.isEmpty() && inner.strip().equals(inner) && inner.indexOf(',') < 0
                        && inner.indexOf('\'') < 0 && inner.indexOf('\\') < 0
                        && !liquibase.ext.fdw.partition.BoundItems.KEYWORDS.contains(inner.toUpperCase(java.util.Locale.ROOT))
                        && !YAML_TIMESTAMP.matcher(inner).matches();
                result.add(simple ? inner : item);
            } else {
                result.add(item);
            }
        }
        return String.join(", ", result);
    }

    /** The strategy of the bound: RANGE, LIST, HASH or DEFAULT. */
    public String kind() {
        return isDefault ? "DEFAULT" : from != null ? "RANGE" : values != null ? "LIST" : "HASH";
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping quoted text. */
    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in " + text);
    }

    /** The items of a partition key as {@code pg_get_partkeydef} prints them, in the partitionKey attribute syntax. */
    public static List<String> keyItems(String partitionBy) {
        int open = partitionBy.indexOf('(');
        String inside = partitionBy.substring(open + 1, partitionBy.lastIndexOf(')'));
        List<String> items = new ArrayList<>();
        for (String item : liquibase.ext.fdw.partition.PartitionKey.items(inside)) {
            if (item.length() > 1 && item.startsWith("\"") && item.endsWith("\"")
                    && item.indexOf('"', 1) == item.length() - 1) {
                items.add(item.substring(1, item.length() - 1));
            } else {
                items.add(item);
            }
        }
        return items;
    }

    /** The strategy word of {@code pg_get_partkeydef}'s text. */
    public static String strategy(String partitionBy) {
        return partitionBy.substring(0, partitionBy.indexOf('(')).trim();
    }
}
