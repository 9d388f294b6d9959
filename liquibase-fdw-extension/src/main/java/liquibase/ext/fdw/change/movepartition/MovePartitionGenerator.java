package liquibase.ext.fdw.change.movepartition;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders movePartition as one DO block (see {@link PartitionMove}). */
public class MovePartitionGenerator extends PostgresOnlyGenerator<MovePartitionStatement> {

    @Override
    public ValidationErrors validate(MovePartitionStatement statement, Database database,
            SqlGeneratorChain<MovePartitionStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("partitionName", statement.getPartitionName());
    }

    @Override
    public Sql[] generateSql(MovePartitionStatement s, Database database, SqlGeneratorChain<MovePartitionStatement> chain) {
        return new Sql[] {new UnparsedSql(block(s, database, PartitionMove.Mode.FULL, null))};
    }

    /** The move's block in {@code mode}: the whole move, or a half around a copy between nodes ({@link MovePartitionCopy}). */
    static String block(MovePartitionStatement s, Database database, PartitionMove.Mode mode, PartitionMove.Verified verified) {
        String parent = qualified(database, s.getSchemaName(), s.getTableName());
        String partition = qualified(database, s.getPartitionSchemaName(), s.getPartitionName());
        String ledger = database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                PartitionMove.LEDGER);
        return PartitionMove.forward(parent, partition, ledger, s.getKey(), s.getLocation(), s.isToLocal(),
                s.getToServerName(), s.getToRemoteSchemaName(), s.getToRemoteTableName(), s.isCreateRemoteTable(), mode,
                verified);
    }
}
