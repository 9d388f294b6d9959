package liquibase.ext.fdw.change.dropforeigntable;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders DROP FOREIGN TABLE [IF EXISTS] ... [CASCADE]. */
public class DropForeignTableGenerator extends PostgresOnlyGenerator<DropForeignTableStatement> {

    @Override
    public ValidationErrors validate(DropForeignTableStatement statement, Database database,
            SqlGeneratorChain<DropForeignTableStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName());
    }

    @Override
    public Sql[] generateSql(DropForeignTableStatement s, Database database,
            SqlGeneratorChain<DropForeignTableStatement> chain) {
        return new Sql[] {new UnparsedSql("DROP FOREIGN TABLE " + (s.isIfExists() ? "IF EXISTS " : "")
                + qualified(database, s.getSchemaName(), s.getTableName()) + (s.isCascade() ? " CASCADE" : ""))};
    }
}
