package liquibase.ext.fdw.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code publish} attribute of a publication: a comma-separated subset of insert, update, delete, truncate. */
public final class PublishActions {
    /** The actions PostgreSQL 14+ accepts. */
    public static final List<String> ACTIONS = List.of("insert", "update", "delete", "truncate");

    private PublishActions() {
    }

    /** The normalised value ({@code insert, update}), or null after adding "the problem; the fix" to {@code problems}. */
    public static String normalise(String publish, List<String> problems) {
        List<String> actions = new ArrayList<>();
        for (String item : ReplicationSql.items(publish)) {
            String action = item.toLowerCase(Locale.ROOT);
            if (!ACTIONS.contains(action)) {
                problems.add("attribute 'publish' is '" + publish + "', and '" + item + "' is not an action; use a"
                        + " comma-separated subset of insert, update, delete, truncate.");
                return null;
            }
            actions.add(action);
        }
        return String.join(", ", actions);
    }
}
