package liquibase.ext.fdw.change.dropforeignserver;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders DROP SERVER. */
public class DropForeignServerGenerator extends PostgresOnlyGenerator<DropForeignServerStatement> {

    @Override
    public ValidationErrors validate(DropForeignServerStatement statement, Database database,
            SqlGeneratorChain<DropForeignServerStatement> chain) {
        return new ValidationErrors().checkRequiredField("serverName", statement.getServerName());
    }

    @Override
    public Sql[] generateSql(DropForeignServerStatement s, Database database,
            SqlGeneratorChain<DropForeignServerStatement> chain) {
        return new Sql[] {new UnparsedSql("DROP SERVER " + (s.isIfExists() ? "IF EXISTS " : "")
                + name(database, s.getServerName()) + (s.isCascade() ? " CASCADE" : ""))};
    }
}
