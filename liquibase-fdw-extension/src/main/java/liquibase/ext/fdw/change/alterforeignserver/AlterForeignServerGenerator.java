package liquibase.ext.fdw.change.alterforeignserver;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER SERVER ... [VERSION '...'] [OPTIONS (ADD ..., SET ..., DROP ...)]. */
public class AlterForeignServerGenerator extends PostgresOnlyGenerator<AlterForeignServerStatement> {

    @Override
    public ValidationErrors validate(AlterForeignServerStatement statement, Database database,
            SqlGeneratorChain<AlterForeignServerStatement> chain) {
        return new ValidationErrors().checkRequiredField("serverName", statement.getServerName());
    }

    @Override
    public Sql[] generateSql(AlterForeignServerStatement s, Database database,
            SqlGeneratorChain<AlterForeignServerStatement> chain) {
        StringBuilder sql = new StringBuilder("ALTER SERVER ").append(name(database, s.getServerName()));
        if (s.getVersion() != null) {
            sql.append(" VERSION ").append(SqlLiterals.quote(s.getVersion()));
        }
        sql.append(FdwOptions.alterClause(s.getOptions(), database));
        return new Sql[] {new UnparsedSql(sql.toString())};
    }
}
