package liquibase.ext.fdw.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/** "Did you mean" for misspelled attribute names: the closest known name by edit distance. */
public final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The known name at edit distance two or less ignoring case (the first of equally close ones), or null. */
    public static String closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : new TreeSet<>(known)) {
            int distance = levenshtein(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** {@code "did you mean 'x'?"} or, when nothing is close, the sorted list of known names. */
    public static String hint(String word, Collection<String> known) {
        String closest = closest(word, known);
        if (closest != null) {
            return "did you mean '" + closest + "'?";
        }
        return "the known attributes are " + String.join(", ", new TreeSet<>(known)) + ".";
    }

    /** Insertions, deletions and substitutions needed to turn {@code a} into {@code b}. */
    static int levenshtein(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int substitution = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(above, row[j - 1]) + 1);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
