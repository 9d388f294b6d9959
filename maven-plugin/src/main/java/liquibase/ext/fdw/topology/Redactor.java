package liquibase.ext.fdw.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Removes known secrets (node passwords) from any text before it is logged, reported or thrown. */
public final class Redactor {
    private static final String MASK = "********";
    private final List<String> secrets = new ArrayList<>();

    public Redactor(Collection<String> secrets) {
        for (String secret : secrets) {
            // Very short secrets would mask ordinary words; they are weak passwords anyway.
            if (secret != null && secret.length() >= 4) {
                this.secrets.add(secret);
            }
        }
        this.secrets.sort((a, b) -> b.length() - a.length());
    }

    /** The text with every secret replaced by {@value #MASK}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
