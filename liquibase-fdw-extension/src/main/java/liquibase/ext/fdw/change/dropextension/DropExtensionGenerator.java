package liquibase.ext.fdw.change.dropextension;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders DROP EXTENSION. */
public class DropExtensionGenerator extends PostgresOnlyGenerator<DropExtensionStatement> {

    @Override
    public ValidationErrors validate(DropExtensionStatement statement, Database database,
            SqlGeneratorChain<DropExtensionStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName());
    }

    @Override
    public Sql[] generateSql(DropExtensionStatement s, Database database, SqlGeneratorChain<DropExtensionStatement> chain) {
        return new Sql[] {new UnparsedSql("DROP EXTENSION " + (s.isIfExists() ? "IF EXISTS " : "")
                + name(database, s.getName()) + (s.isCascade() ? " CASCADE" : ""))};
    }
}
