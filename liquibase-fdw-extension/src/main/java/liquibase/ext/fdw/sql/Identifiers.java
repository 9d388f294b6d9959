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

    /**
     * A name always in double quotes, for SQL built before the database is known (rollbacks): the same object as
     * Liquibase's PostgreSQL quoting, which keeps case and only leaves lower-case plain names bare.
     */
    public static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}, or {@code "name"} without a schema. */
    public static String quoted(String schema, String identifier) {
        return (schema == null ? "" : quoted(schema) + ".") + quoted(identifier);
    }
}
