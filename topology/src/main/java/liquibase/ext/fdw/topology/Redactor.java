package liquibase.ext.fdw.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The engine's one masking class: removes every configured secret (node passwords) from any text before it leaves
 * the engine, on every channel the engine owns: log lines, SQL files written by updateSQL and rollbackSQL, the report,
 * and exception messages, including a {@code password=} parameter inside a JDBC URL.
 *
 * <p>It masks the same way as the extension's {@code FdwExecutor.mask} (which the engine may not import): the SQL
 * literal of a secret becomes {@code '********'}, and the bare value, where it has 4 characters or more (shorter ones
 * would mask ordinary words), becomes {@code ********}. A change to one of the two must be made in the other.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "********";
    private static final Pattern URL_PASSWORD = Pattern.compile("([?&;]password=)[^&;\\s]*", Pattern.CASE_INSENSITIVE);
    private final List<String> secrets = new ArrayList<>();

    public Redactor(Collection<String> secrets) {
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                this.secrets.add(secret);
            }
        }
        // Longest first, so a secret containing another is masked whole.
        this.secrets.sort((a, b) -> b.length() - a.length());
    }

    /** The text with every secret replaced by {@value #MASK} and URL password parameters masked. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = maskUrlPassword(text);
        for (String secret : secrets) {
            result = result.replace("'" + secret.replace("'", "''") + "'", "'" + MASK + "'");
            if (secret.length() >= 4) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /** {@code text} with the value of every {@code password=} URL parameter masked. */
    static String maskUrlPassword(String text) {
        return URL_PASSWORD.matcher(text).replaceAll("$1" + MASK);
    }
}
