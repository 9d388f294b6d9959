package liquibase.ext.fdw.change.droppartitionsolderthan;

import liquibase.database.Database;

/**
 * The record of retained partitions, next to DATABASECHANGELOG: per changeset (id, author) and parent one header row
 * (the change ran) and one row per detached partition with its original name, its bound as PostgreSQL printed it,
 * and where it is now. The rollback re-attaches from it; the table is dropped when its last record goes.
 */
public final class RetentionLedger {
    /** The ledger's table name. */
    public static final String NAME = "fdw_retained_partitions";

    private RetentionLedger() {
    }

    /** The ledger's name, quoted and qualified with Liquibase's schema. */
    public static String name(Database database) {
        return database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(), NAME);
    }
}
