package liquibase.ext.fdw.change.createforeignserver;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders CREATE SERVER ... FOREIGN DATA WRAPPER ... OPTIONS (...). */
public class CreateForeignServerGenerator extends PostgresOnlyGenerator<CreateForeignServerStatement> {

    @Override
    public ValidationErrors validate(CreateForeignServerStatement statement, Database database,
            SqlGeneratorChain<CreateForeignServerStatement> chain) {
        return new ValidationErrors().checkRequiredField("serverName", statement.getServerName());
    }

    @Override
    public Sql[] generateSql(CreateForeignServerStatement s, Database database,
            SqlGeneratorChain<CreateForeignServerStatement> chain) {
        StringBuilder sql = new StringBuilder("CREATE SERVER ");
        if (s.isIfNotExists()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(name(database, s.getServerName()));
        if (s.getType() != null) {
            sql.append(" TYPE ").append(SqlLiterals.quote(s.getType()));
        }
        if (s.getVersion() != null) {
            sql.append(" VERSION ").append(SqlLiterals.quote(s.getVersion()));
        }
        sql.append(" FOREIGN DATA WRAPPER ").append(name(database, s.getFdwName()));
        sql.append(FdwOptions.clause(s.getOptions(), database));
        return new Sql[] {new UnparsedSql(sql.toString())};
    }
}
