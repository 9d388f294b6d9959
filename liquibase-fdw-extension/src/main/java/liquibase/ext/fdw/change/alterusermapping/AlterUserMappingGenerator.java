package liquibase.ext.fdw.change.alterusermapping;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.dropusermapping.UserMappingSql;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER USER MAPPING FOR ... SERVER ... OPTIONS (SET password '...', ...). */
public class AlterUserMappingGenerator extends PostgresOnlyGenerator<AlterUserMappingStatement> {

    @Override
    public ValidationErrors validate(AlterUserMappingStatement statement, Database database,
            SqlGeneratorChain<AlterUserMappingStatement> chain) {
        return new ValidationErrors().checkRequiredField("userName", statement.getUserName())
                .checkRequiredField("serverName", statement.getServerName());
    }

    @Override
    public Sql[] generateSql(AlterUserMappingStatement s, Database database,
            SqlGeneratorChain<AlterUserMappingStatement> chain) {
        return new Sql[] {new UnparsedSql("ALTER USER MAPPING "
                + UserMappingSql.target(database, s.getUserName(), s.getServerName())
                + FdwOptions.alterClause(s.getOptions(), database))};
    }
}
