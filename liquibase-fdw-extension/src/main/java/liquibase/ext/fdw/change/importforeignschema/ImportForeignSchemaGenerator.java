package liquibase.ext.fdw.change.importforeignschema;

import java.util.List;
import java.util.stream.Collectors;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders IMPORT FOREIGN SCHEMA ... [LIMIT TO | EXCEPT] ... FROM SERVER ... INTO .... */
public class ImportForeignSchemaGenerator extends PostgresOnlyGenerator<ImportForeignSchemaStatement> {

    @Override
    public ValidationErrors validate(ImportForeignSchemaStatement statement, Database database,
            SqlGeneratorChain<ImportForeignSchemaStatement> chain) {
        return new ValidationErrors().checkRequiredField("serverName", statement.getServerName())
                .checkRequiredField("remoteSchema", statement.getRemoteSchema())
                .checkRequiredField("localSchema", statement.getLocalSchema());
    }

    @Override
    public Sql[] generateSql(ImportForeignSchemaStatement s, Database database,
            SqlGeneratorChain<ImportForeignSchemaStatement> chain) {
        StringBuilder sql = new StringBuilder("IMPORT FOREIGN SCHEMA ").append(name(database, s.getRemoteSchema()));
        if (!s.getLimitTo().isEmpty()) {
            sql.append(" LIMIT TO (").append(names(database, s.getLimitTo())).append(')');
        } else if (!s.getExcept().isEmpty()) {
            sql.append(" EXCEPT (").append(names(database, s.getExcept())).append(')');
        }
        sql.append(" FROM SERVER ").append(name(database, s.getServerName()));
        sql.append(" INTO ").append(name(database, s.getLocalSchema()));
        sql.append(FdwOptions.clause(s.getOptions(), database));
        return new Sql[] {new UnparsedSql(sql.toString())};
    }

    private static String names(Database database, List<String> tables) {
        return tables.stream().map(t -> name(database, t)).collect(Collectors.joining(", "));
    }
}
