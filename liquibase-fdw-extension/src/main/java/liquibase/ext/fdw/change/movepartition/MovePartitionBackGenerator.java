package liquibase.ext.fdw.change.movepartition;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders the inverse of movePartition as one DO block that reads the origin from the ledger. */
public class MovePartitionBackGenerator extends PostgresOnlyGenerator<MovePartitionBackStatement> {

    @Override
    public ValidationErrors validate(MovePartitionBackStatement statement, Database database,
            SqlGeneratorChain<MovePartitionBackStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("partitionName", statement.getPartitionName());
    }

    @Override
    public Sql[] generateSql(MovePartitionBackStatement s, Database database,
            SqlGeneratorChain<MovePartitionBackStatement> chain) {
        return new Sql[] {new UnparsedSql(block(s, database, PartitionMove.Mode.FULL, null))};
    }

    /** The inverse's block in {@code mode}: the whole move, or a half around a copy between nodes. */
    static String block(MovePartitionBackStatement s, Database database, PartitionMove.Mode mode,
            PartitionMove.Verified verified) {
        String parent = qualified(database, s.getSchemaName(), s.getTableName());
        String partition = qualified(database, s.getPartitionSchemaName(), s.getPartitionName());
        String ledger = database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                PartitionMove.LEDGER);
        return PartitionMove.back(parent, partition, ledger, s.getKey(), s.getLocation(), mode, verified);
    }
}
