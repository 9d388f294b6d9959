/**
 * {@code updateTestingRollback} across a topology: update, roll back what the update applied in reverse dependency
 * order, compare every node's catalogs and rows with what they were before the update, update again
 * ({@link liquibase.ext.fdw.topology.testrollback.UpdateTestingRollback}). Catalogs and rows are read from PostgreSQL
 * itself ({@link liquibase.ext.fdw.nodes.CatalogFingerprint}).
 */
package liquibase.ext.fdw.topology.testrollback;
