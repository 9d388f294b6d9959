package liquibase.ext.fdw.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The engine's one masking class: removes every configured secret (node passwords) from any text before it leaves
 * the engine, on every channel the engine owns: log lines, SQL files written by updateSQL and rollbackSQL, the report,
 * and exception messages, including a {@code password=} parameter inside a JDBC URL.
 *
 * <p>It masks the same way as the extension's {@code FdwExecutor.mask} (which the engine may not import): the SQL
 * literal of a secret becomes {@code '********'}, and the bare value becomes {@code ********}. A bare value shorter than
 * {@value #MIN_LENGTH} characters cannot be masked safely (masking {@code pw} would mangle ordinary words, not masking
 * it leaks it), so the runner refuses such a node password at start-up ({@link #refuseUnmaskable}) as the extension
 * refuses such a user-mapping password at validation. A change to one of the two must be made in the other.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "********";
    /** The shortest secret that can be masked in free text without matching ordinary words. */
    public static final int MIN_LENGTH = 4;
    private static final Pattern URL_PASSWORD = Pattern.compile("([?&;]password=)[^&;\\s]*", Pattern.CASE_INSENSITIVE);
    private final List<String> secrets = new ArrayList<>();

    /** {@code secrets} may hold nulls and empty strings, which are skipped. */
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
            if (secret.length() >= MIN_LENGTH) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * Refuses, before anything connects, a node password too short to be masked in logs, SQL files and messages.
     * An empty password is no secret (trust or peer authentication) and passes.
     */
    static void refuseUnmaskable(Map<String, NodeAddress> addresses) {
        for (Map.Entry<String, NodeAddress> entry : new TreeMap<>(addresses).entrySet()) {
            String password = entry.getValue().password();
            if (password != null && !password.isEmpty() && password.length() < MIN_LENGTH) {
                throw new InvalidArgumentException("password", "node '" + entry.getKey() + "': its password is shorter"
                        + " than " + MIN_LENGTH + " characters, too short to be masked in logs, SQL files and messages"
                        + " without masking ordinary words; give the node a password of " + MIN_LENGTH
                        + " characters or more.");
            }
        }
    }

    /** {@code text} with the value of every {@code password=} URL parameter masked. */
    static String maskUrlPassword(String text) {
        return URL_PASSWORD.matcher(text).replaceAll("$1" + MASK);
    }
}
