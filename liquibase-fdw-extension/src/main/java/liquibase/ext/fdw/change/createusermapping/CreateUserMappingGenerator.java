package liquibase.ext.fdw.change.createusermapping;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.dropusermapping.UserMappingSql;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders CREATE USER MAPPING ... OPTIONS (user '...', password '...'). */
public class CreateUserMappingGenerator extends PostgresOnlyGenerator<CreateUserMappingStatement> {

    @Override
    public ValidationErrors validate(CreateUserMappingStatement statement, Database database,
            SqlGeneratorChain<CreateUserMappingStatement> chain) {
        return new ValidationErrors().checkRequiredField("userName", statement.getUserName())
                .checkRequiredField("serverName", statement.getServerName());
    }

    @Override
    public Sql[] generateSql(CreateUserMappingStatement s, Database database,
            SqlGeneratorChain<CreateUserMappingStatement> chain) {
        return new Sql[] {new UnparsedSql("CREATE USER MAPPING " + (s.isIfNotExists() ? "IF NOT EXISTS " : "")
                + UserMappingSql.target(database, s.getUserName(), s.getServerName())
                + FdwOptions.clause(s.getOptions(), database))};
    }
}
