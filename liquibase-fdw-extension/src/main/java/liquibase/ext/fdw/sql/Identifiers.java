package liquibase.ext.fdw.sql;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.structure.core.Table;

/**
 * Renders identifiers. Liquibase's {@code escapeObjectName} decides when PostgreSQL needs quotes (case, spaces,
 * reserved words) but does not double a double quote inside a name, which would let a name end its own quoting;
 * such names are quoted here with the quote doubled.
 */
public final class Identifiers {
    /** PostgreSQL's NAMEDATALEN - 1: the bytes of a name it keeps; it cuts longer names with only a NOTICE. */
    public static final int MAX_NAME_BYTES = 63;

    private static final Set<String> NAME_ATTRIBUTES = Set.of("name", "localSchema", "remoteSchema", "tablespace");

    private Identifiers() {
    }

    /** Whether a change attribute holds one name: {@code name}, {@code *Name}, the import's schemas, tablespace. */
    public static boolean isNameAttribute(String attribute) {
        return NAME_ATTRIBUTES.contains(attribute) || attribute.endsWith("Name");
    }

    /**
     * {@code null} when {@code name} fits in {@value #MAX_NAME_BYTES} bytes of UTF-8, else the validation detail for
     * {@code what} (e.g. {@code attribute 'tableName'}).
     */
    public static String tooLong(String what, String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_NAME_BYTES) {
            return null;
        }
        return what + " is '" + name + "', " + bytes + " bytes in UTF-8; PostgreSQL keeps only the first "
                + MAX_NAME_BYTES + " bytes of a name, so it would be cut short and could collide with another name;"
                + " use a name of at most " + MAX_NAME_BYTES + " bytes.";
    }

    /**
     * Whether Liquibase's own rendering ({@code escapeObjectName} with its default quoting, as its CREATE/DROP TABLE
     * use it) yields the right identifier for {@code name}: it doubles a {@code "} when it quotes through
     * {@code quoteObject}, but not when it quotes a mixed-case name.
     */
    public static boolean coreQuotesCorrectly(String name) {
        if (name.indexOf('"') < 0) {
            return true;
        }
        return quoted(name).equals(new PostgresDatabase().escapeObjectName(name, Table.class));
    }

    /** {@code identifier} as the database needs it, with a {@code "} inside it doubled. */
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
