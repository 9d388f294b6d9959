package liquibase.ext.fdw.snapshot;

import java.util.List;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.LiquibaseTableNames;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.DatabaseException;
import liquibase.ext.fdw.change.droppartitionsolderthan.RetentionLedger;
import liquibase.ext.fdw.change.movepartition.MovePartitionChange;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.executor.ExecutorService;
import liquibase.statement.core.RawSqlStatement;

/**
 * The extension's bookkeeping tables next to DATABASECHANGELOG (moved rows, retained partitions, moved partitions)
 * and the topology engine's record of atomic decisions are Liquibase's
 * own tables: generate-changelog and diff-changelog leave them out, and drop-all drops them with DATABASECHANGELOG.
 */
public class FdwLedgerTables implements LiquibaseTableNames {
    /** Written by the topology engine's atomic mode (liquibase-fdw-topology), which the extension cannot import. */
    static final String ATOMIC_DECISIONS = "fdw_atomic_decisions";

    /** The ledgers' names, as created in Liquibase's schema. */
    public static final List<String> NAMES = List.of(DefaultPartitionRows.LEDGER, RetentionLedger.NAME,
            MovePartitionChange.LEDGER, ATOMIC_DECISIONS);

    @Override
    public List<String> getLiquibaseGeneratedTableNames(Database database) {
        return database instanceof PostgresDatabase ? NAMES : List.of();
    }

    @Override
    public void destroy(Database database) throws DatabaseException {
        if (!(database instanceof PostgresDatabase)) {
            return;
        }
        for (String ledger : NAMES) {
            Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database)
                    .execute(new RawSqlStatement("DROP TABLE IF EXISTS " + database.escapeTableName(
                            database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(), ledger)));
        }
    }

    @Override
    public int getOrder() {
        // Core's own tables use Integer.MAX_VALUE, and the factory keeps one implementation per order.
        return Integer.MAX_VALUE - 1;
    }
}
