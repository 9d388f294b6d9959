package liquibase.ext.fdw.sql;

/**
 * Renders SQL string literals the way pgjdbc's {@code Utils.escapeLiteral} escapes them, so that any text (quotes,
 * backslashes, semicolons, unicode) is stored verbatim and never parsed as SQL.
 */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    /**
     * A literal that means {@code value} whatever {@code standard_conforming_strings} is: plain {@code '...'} with
     * doubled quotes, or {@code E'...'} with doubled backslashes when the value holds a backslash.
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot contain the NUL character");
        }
        String doubledQuotes = value.replace("'", "''");
        if (value.indexOf('\\') >= 0) {
            return "E'" + doubledQuotes.replace("\\", "\\\\") + "'";
        }
        return "'" + doubledQuotes + "'";
    }
}
