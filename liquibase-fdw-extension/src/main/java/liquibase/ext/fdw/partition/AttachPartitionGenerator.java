package liquibase.ext.fdw.partition;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER TABLE parent ATTACH PARTITION p FOR VALUES ... (inside the move-rows DO block when asked, batched when a batch size is given). */
public class AttachPartitionGenerator extends PostgresOnlyGenerator<AttachPartitionStatement> {

    @Override
    public ValidationErrors validate(AttachPartitionStatement statement, Database database,
            SqlGeneratorChain<AttachPartitionStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("partitionName", statement.getPartitionName());
    }

    @Override
    public Sql[] generateSql(AttachPartitionStatement s, Database database, SqlGeneratorChain<AttachPartitionStatement> chain) {
        String parent = qualified(database, s.getSchemaName(), s.getTableName());
        String partition = qualified(database, s.getPartitionSchemaName(), s.getPartitionName());
        if (s.isMoveRowsFromDefault() && s.getMoveRowsBatchSize() != null) {
            return new Sql[] {new UnparsedSql(BatchedDefaultMove.batched(parent, partition, s.getBounds(),
                    s.getMoveRowsBatchSize(), DefaultPartitionRows.ledger(database), s.getMoveKey(), s.getLocation()))};
        }
        String attach = "ALTER TABLE " + parent + " ATTACH PARTITION " + partition + " " + s.getBounds().sql();
        return new Sql[] {new UnparsedSql(s.isMoveRowsFromDefault() ? DefaultPartitionRows.wrap(parent, partition, attach,
                DefaultPartitionRows.ledger(database), s.getMoveKey()) : attach)};
    }
}
