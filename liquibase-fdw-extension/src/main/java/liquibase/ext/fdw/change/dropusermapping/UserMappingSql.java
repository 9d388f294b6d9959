package liquibase.ext.fdw.change.dropusermapping;

import java.util.Locale;
import java.util.Set;
import liquibase.database.Database;
import liquibase.ext.fdw.sql.Identifiers;

/** Renders the {@code FOR <user> SERVER <server>} part shared by user-mapping statements. */
public final class UserMappingSql {
    private static final Set<String> KEYWORDS = Set.of("CURRENT_USER", "CURRENT_ROLE", "SESSION_USER", "USER", "PUBLIC");

    private UserMappingSql() {
    }

    /** A role name (quoted as needed) or one of PostgreSQL's user keywords (bare). */
    public static String user(Database database, String userName) {
        String upper = userName.toUpperCase(Locale.ROOT);
        if (KEYWORDS.contains(upper)) {
            return upper;
        }
        return Identifiers.quote(database, userName);
    }

    public static String target(Database database, String userName, String serverName) {
        return "FOR " + user(database, userName) + " SERVER "
                + Identifiers.quote(database, serverName);
    }
}
