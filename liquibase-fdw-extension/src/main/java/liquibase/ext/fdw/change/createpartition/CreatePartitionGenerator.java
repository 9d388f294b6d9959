package liquibase.ext.fdw.change.createpartition;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.partition.PartitionKey;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/**
 * Renders CREATE [FOREIGN] TABLE ... PARTITION OF parent FOR VALUES ... [PARTITION BY ...] [TABLESPACE | SERVER ...
 * OPTIONS].
 */
public class CreatePartitionGenerator extends PostgresOnlyGenerator<CreatePartitionStatement> {

    @Override
    public ValidationErrors validate(CreatePartitionStatement statement, Database database,
            SqlGeneratorChain<CreatePartitionStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("parentTableName", statement.getParentTableName());
    }

    @Override
    public Sql[] generateSql(CreatePartitionStatement s, Database database, SqlGeneratorChain<CreatePartitionStatement> chain) {
        String partition = qualified(database, s.getSchemaName(), s.getTableName());
        String parent = qualified(database, s.getParentSchemaName(), s.getParentTableName());
        StringBuilder sql = new StringBuilder(s.getServerName() == null ? "CREATE TABLE " : "CREATE FOREIGN TABLE ");
        if (s.isIfNotExists()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(partition).append(" PARTITION OF ").append(parent).append(' ').append(s.getBounds().sql());
        if (s.getPartitionStrategy() != null) {
            sql.append(' ').append(PartitionKey.clause(s.getPartitionStrategy(), s.getPartitionKey(), database));
        }
        if (s.getTablespace() != null) {
            sql.append(" TABLESPACE ").append(name(database, s.getTablespace()));
        }
        if (s.getServerName() != null) {
            sql.append(" SERVER ").append(name(database, s.getServerName())).append(FdwOptions.clause(s.getOptions(), database));
        }
        String create = sql.toString();
        return new Sql[] {new UnparsedSql(s.isMoveRowsFromDefault() ? DefaultPartitionRows.wrap(parent, partition, create,
                DefaultPartitionRows.ledger(database), s.getMoveKey()) : create)};
    }
}
