package liquibase.ext.fdw.sql;

import liquibase.database.Database;
import liquibase.structure.core.Table;

/**
 * Renders identifiers. Liquibase's {@code escapeObjectName} decides when PostgreSQL needs quotes (case, spaces,
 * reserved words) but does not double a double quote inside a name, which would let a name end its own quoting;
 * such names are quoted here with the quote doubled.
 */
public final class Identifiers {
    private Identifiers() {
    }

    public static String quote(Database database, String identifier) {
        if (identifier.indexOf('"') >= 0) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
        return database.escapeObjectName(identifier, Table.class);
    }
}
