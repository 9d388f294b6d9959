package liquibase.ext.fdw.change.createpartitionedtable;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.partition.PartitionKey;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * Renders core's CREATE TABLE for the columns with PARTITION BY appended before any TABLESPACE clause (PostgreSQL
 * wants the partitioning first).
 */
public class CreatePartitionedTableGenerator extends PostgresOnlyGenerator<CreatePartitionedTableStatement> {

    @Override
    public ValidationErrors validate(CreatePartitionedTableStatement statement, Database database,
            SqlGeneratorChain<CreatePartitionedTableStatement> chain) {
        return SqlGeneratorFactory.getInstance().validate(statement.getCreateTable(), database);
    }

    @Override
    public Sql[] generateSql(CreatePartitionedTableStatement s, Database database,
            SqlGeneratorChain<CreatePartitionedTableStatement> chain) {
        Sql[] core = SqlGeneratorFactory.getInstance().generateSql(s.getCreateTable(), database);
        String sql = core[0].toSql();
        String partitionBy = " " + PartitionKey.clause(s.getPartitionStrategy(), s.getPartitionKey(), database);
        int tablespace = sql.lastIndexOf(" TABLESPACE ");
        sql = tablespace < 0 ? sql + partitionBy : sql.substring(0, tablespace) + partitionBy + sql.substring(tablespace);
        Sql[] result = core.clone();
        result[0] = new UnparsedSql(sql);
        return result;
    }
}
