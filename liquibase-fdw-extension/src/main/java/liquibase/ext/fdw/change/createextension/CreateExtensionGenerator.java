package liquibase.ext.fdw.change.createextension;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders CREATE EXTENSION. */
public class CreateExtensionGenerator extends PostgresOnlyGenerator<CreateExtensionStatement> {

    @Override
    public ValidationErrors validate(CreateExtensionStatement statement, Database database,
            SqlGeneratorChain<CreateExtensionStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName());
    }

    @Override
    public Sql[] generateSql(CreateExtensionStatement s, Database database, SqlGeneratorChain<CreateExtensionStatement> chain) {
        StringBuilder sql = new StringBuilder("CREATE EXTENSION ");
        if (s.isIfNotExists()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(name(database, s.getName()));
        if (s.getSchemaName() != null) {
            sql.append(" SCHEMA ").append(name(database, s.getSchemaName()));
        }
        if (s.getVersion() != null) {
            sql.append(" VERSION ").append(SqlLiterals.quote(s.getVersion()));
        }
        if (s.isCascade()) {
            sql.append(" CASCADE");
        }
        return new Sql[] {new UnparsedSql(sql.toString())};
    }
}
