package liquibase.ext.fdw.change.createpublication;

import java.util.ArrayList;
import java.util.List;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders CREATE PUBLICATION name {FOR TABLE ... | FOR ALL TABLES} [WITH (publish = ..., publish_via_partition_root = ...)]. */
public class CreatePublicationGenerator extends PostgresOnlyGenerator<CreatePublicationStatement> {

    @Override
    public ValidationErrors validate(CreatePublicationStatement statement, Database database,
            SqlGeneratorChain<CreatePublicationStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName());
    }

    @Override
    public Sql[] generateSql(CreatePublicationStatement s, Database database, SqlGeneratorChain<CreatePublicationStatement> chain) {
        StringBuilder sql = new StringBuilder("CREATE PUBLICATION ").append(name(database, s.getName()));
        if (s.isAllTables()) {
            sql.append(" FOR ALL TABLES");
        } else if (!s.getTables().isEmpty()) {
            sql.append(" FOR TABLE ").append(ReplicationSql.tables(database, s.getTables()));
        }
        List<String> with = new ArrayList<>();
        if (s.getPublish() != null) {
            with.add("publish = " + SqlLiterals.quote(s.getPublish()));
        }
        if (s.getPublishViaPartitionRoot() != null) {
            with.add("publish_via_partition_root = " + s.getPublishViaPartitionRoot());
        }
        if (!with.isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", with)).append(')');
        }
        return new Sql[] {new UnparsedSql(sql.toString())};
    }
}
