package liquibase.ext.fdw.internal;

/**
 * A value written as an unquoted YAML timestamp in an extension change or precondition. Liquibase's YAML parser
 * rewrites such a value in the JVM's time zone (a timestamp without offset as {@code yyyy-MM-dd HH:mm:ss}, dropping
 * fractions of a second, moving a time in a daylight-saving gap; one with an offset as Java's
 * {@code Date.toString()}), so the change is refused instead of being given that text.
 *
 * @param written the scalar as the changelog holds it
 * @param rewritten the text Liquibase's parser made of it, in this JVM's time zone
 */
public record UnquotedTimestamp(String written, String rewritten) {
    /** What Liquibase would have handed on, so any reader that is not the extension's sees no difference. */
    @Override
    public String toString() {
        return rewritten;
    }
}
