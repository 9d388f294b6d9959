/**
 * Starts local PostgreSQL nodes from the server binaries published as Maven artifacts, for tests, demos and
 * the embedded topology. Nothing here depends on Maven or Liquibase. Binaries exist for Linux and macOS on
 * amd64 and arm64; {@link liquibase.ext.fdw.nodes.PostgresBinaries} picks the artifact of the running platform.
 * {@link liquibase.ext.fdw.nodes.CatalogFingerprint} reads what a database consists of (catalogs and row checksums)
 * over plain JDBC, for comparing a database before and after a rollback.
 */
package liquibase.ext.fdw.nodes;
