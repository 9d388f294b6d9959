package liquibase.ext.fdw.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import liquibase.ext.fdw.nodes.CatalogFingerprint;

/**
 * A readable snapshot of a database's catalogs ({@link CatalogFingerprint}, the one the topology engine's
 * updateTestingRollback compares): relations, partitioning and bounds, columns, constraints, indexes, sequences,
 * views, functions, triggers, foreign servers and tables with options, user mappings, extensions, publications and
 * subscriptions, with owners and grants. Liquibase's own tables are left out, so "exactly as before" after a
 * rollback is one {@code assertEquals}.
 */
public final class Catalogs {
    private static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

    private Catalogs() {
    }

    /** The snapshot, as sorted lines, of the database behind {@code db}. */
    public static List<String> snapshot(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            return CatalogFingerprint.readCatalogs(connection, LIQUIBASE_TABLES).catalogLines();
        }
    }
}
