package liquibase.ext.fdw.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import liquibase.ext.fdw.sql.SqlLiterals;

/**
 * The items of a bound attribute ({@code from}, {@code to}, {@code values}): comma-separated, each {@code MINVALUE},
 * {@code MAXVALUE}, {@code NULL} or a literal; a literal holding a comma or a quote is written SQL-style in single
 * quotes ({@code 'a,b'}, {@code 'it''s'}).
 */
public final class BoundItems {
    /** Keywords rendered bare; everything else becomes an escaped literal. */
    public static final List<String> KEYWORDS = List.of("MINVALUE", "MAXVALUE", "NULL");

    private BoundItems() {
    }

    /** Text after a closing quote, such as a cast: the author meant SQL, not a literal. */
    public static final class TextAfterQuote extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TextAfterQuote(String message) {
            super(message);
        }
    }

    /**
     * The items of {@code text} with quoted items unquoted; throws {@link IllegalArgumentException} with the reason
     * (an unterminated quote, an empty item) for the caller's message.
     */
    public static List<String> parse(String text) {
        List<String> items = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder item = new StringBuilder();
            boolean quoted = i < n && text.charAt(i) == '\'';
            if (quoted) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("a quoted item is not closed; end it with '");
                    }
                    char c = text.charAt(i++);
                    if (c == '\'') {
                        if (i < n && text.charAt(i) == '\'') {
                            item.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        item.append(c);
                    }
                }
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new TextAfterQuote("text follows the quoted item '" + item + "'");
                }
                items.add("'" + item);
            } else {
                while (i < n && text.charAt(i) != ',') {
                    item.append(text.charAt(i++));
                }
                String plain = item.toString().trim();
                if (plain.isEmpty()) {
                    throw new IllegalArgumentException("an item is empty; remove the extra comma or quote an empty string as ''");
                }
                items.add(plain);
            }
            if (i >= n) {
                return items;
            }
            i++; // the comma
        }
    }

    /** Whether the parsed item is the keyword (case-insensitive, never a quoted literal). */
    public static boolean isKeyword(String item, String keyword) {
        return !item.startsWith("'") && item.toUpperCase(Locale.ROOT).equals(keyword);
    }

    /** The literal text of a parsed item (quotes removed), or null for a keyword. */
    public static String literal(String item) {
        if (item.startsWith("'")) {
            return item.substring(1);
        }
        return KEYWORDS.contains(item.toUpperCase(Locale.ROOT)) ? null : item;
    }

    /** A parsed item as SQL: a bare keyword or an escaped literal. */
    public static String sql(String item) {
        String literal = literal(item);
        return literal == null ? item.toUpperCase(Locale.ROOT) : SqlLiterals.quote(literal);
    }

    /** Parsed items as a comma-separated SQL list. */
    public static String sql(List<String> items) {
        List<String> rendered = new ArrayList<>();
        for (String item : items) {
            rendered.add(sql(item));
        }
        return String.join(", ", rendered);
    }
}
