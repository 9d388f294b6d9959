package liquibase.ext.fdw.sql;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.SqlStatement;

/**
 * Base of the extension's generators: PostgreSQL only, so Liquibase itself reports
 * {@code "<changeType> is not supported on <database>"} for any other database.
 */
public abstract class PostgresOnlyGenerator<T extends SqlStatement> extends AbstractSqlGenerator<T> {

    @Override
    public boolean supports(T statement, Database database) {
        return database instanceof PostgresDatabase;
    }

    /** An identifier, quoted where PostgreSQL needs it. */
    protected static String name(Database database, String identifier) {
        return Identifiers.quote(database, identifier);
    }

    /** {@code schema.name}, or the bare name when no schema is given (the search path decides). */
    protected static String qualified(Database database, String schemaName, String identifier) {
        return (schemaName == null ? "" : name(database, schemaName) + ".") + name(database, identifier);
    }
}
