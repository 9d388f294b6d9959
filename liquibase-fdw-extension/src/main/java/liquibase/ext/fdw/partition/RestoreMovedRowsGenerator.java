package liquibase.ext.fdw.partition;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders the inverse of a move out of the DEFAULT partition as one DO block (see {@link DefaultPartitionRows}). */
public class RestoreMovedRowsGenerator extends PostgresOnlyGenerator<RestoreMovedRowsStatement> {

    @Override
    public ValidationErrors validate(RestoreMovedRowsStatement statement, Database database,
            SqlGeneratorChain<RestoreMovedRowsStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("partitionName", statement.getPartitionName());
    }

    @Override
    public Sql[] generateSql(RestoreMovedRowsStatement s, Database database, SqlGeneratorChain<RestoreMovedRowsStatement> chain) {
        String parent = qualified(database, s.getSchemaName(), s.getTableName());
        String partition = qualified(database, s.getPartitionSchemaName(), s.getPartitionName());
        return new Sql[] {new UnparsedSql(DefaultPartitionRows.restore(parent, partition, s.getEnding(),
                DefaultPartitionRows.ledger(database), s.getKey(), s.getLocation()))};
    }
}
