package liquibase.ext.fdw.change.detachpartition;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER TABLE parent DETACH PARTITION p [CONCURRENTLY | FINALIZE]. */
public class DetachPartitionGenerator extends PostgresOnlyGenerator<DetachPartitionStatement> {

    @Override
    public ValidationErrors validate(DetachPartitionStatement statement, Database database,
            SqlGeneratorChain<DetachPartitionStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("partitionName", statement.getPartitionName());
    }

    @Override
    public Sql[] generateSql(DetachPartitionStatement s, Database database, SqlGeneratorChain<DetachPartitionStatement> chain) {
        return new Sql[] {new UnparsedSql("ALTER TABLE " + qualified(database, s.getSchemaName(), s.getTableName())
                + " DETACH PARTITION " + qualified(database, s.getPartitionSchemaName(), s.getPartitionName())
                + (s.isConcurrently() ? " CONCURRENTLY" : s.isFinalize() ? " FINALIZE" : ""))};
    }
}
