package liquibase.ext.fdw.change.importforeignschema;

import java.util.List;
import java.util.stream.Collectors;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/**
 * Renders the rollback of an import as one DO block. Which tables an import created is only known on the database,
 * so the block finds them in the catalog: foreign tables of the local schema on that server whose {@code schema_name}
 * option (recorded by postgres_fdw) is the remote schema, narrowed by the {@code table_name} option for
 * limitTo/except. Tables created by hand, on other servers or from other schemas are left alone.
 */
public class DropImportedTablesGenerator extends PostgresOnlyGenerator<DropImportedTablesStatement> {

    @Override
    public ValidationErrors validate(DropImportedTablesStatement statement, Database database,
            SqlGeneratorChain<DropImportedTablesStatement> chain) {
        return new ValidationErrors();
    }

    @Override
    public Sql[] generateSql(DropImportedTablesStatement statement, Database database,
            SqlGeneratorChain<DropImportedTablesStatement> chain) {
        ImportForeignSchemaStatement s = statement.getImported();
        StringBuilder select = new StringBuilder()
                .append("SELECT ft.ftrelid::regclass AS t FROM pg_foreign_table ft")
                .append(" JOIN pg_class c ON c.oid = ft.ftrelid")
                .append(" JOIN pg_namespace n ON n.oid = c.relnamespace")
                .append(" JOIN pg_foreign_server s ON s.oid = ft.ftserver")
                .append(" WHERE n.nspname = ").append(SqlLiterals.quote(s.getLocalSchema()))
                .append(" AND s.srvname = ").append(SqlLiterals.quote(s.getServerName()))
                .append(" AND ").append(SqlLiterals.quote("schema_name=" + s.getRemoteSchema())).append(" = ANY (ft.ftoptions)");
        if (!s.getLimitTo().isEmpty()) {
            select.append(" AND ").append(tableOptions(s.getLimitTo())).append(" && ft.ftoptions");
        } else if (!s.getExcept().isEmpty()) {
            select.append(" AND NOT ").append(tableOptions(s.getExcept())).append(" && ft.ftoptions");
        }
        String body = "DECLARE r record; BEGIN FOR r IN " + select
                + " LOOP EXECUTE 'DROP FOREIGN TABLE ' || r.t; END LOOP; END";
        String tag = "$fdw$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$fdw" + i + "$"; // a literal must never close the block early
        }
        return new Sql[] {new UnparsedSql("DO " + tag + " " + body + " " + tag)};
    }

    private static String tableOptions(List<String> tables) {
        return tables.stream().map(t -> SqlLiterals.quote("table_name=" + t))
                .collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
    }
}
