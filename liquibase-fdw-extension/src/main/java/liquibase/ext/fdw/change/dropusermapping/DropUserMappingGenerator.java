package liquibase.ext.fdw.change.dropusermapping;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders DROP USER MAPPING. */
public class DropUserMappingGenerator extends PostgresOnlyGenerator<DropUserMappingStatement> {

    @Override
    public ValidationErrors validate(DropUserMappingStatement statement, Database database,
            SqlGeneratorChain<DropUserMappingStatement> chain) {
        return new ValidationErrors().checkRequiredField("userName", statement.getUserName())
                .checkRequiredField("serverName", statement.getServerName());
    }

    @Override
    public Sql[] generateSql(DropUserMappingStatement s, Database database, SqlGeneratorChain<DropUserMappingStatement> chain) {
        return new Sql[] {new UnparsedSql("DROP USER MAPPING " + (s.isIfExists() ? "IF EXISTS " : "")
                + UserMappingSql.target(database, s.getUserName(), s.getServerName()))};
    }
}
