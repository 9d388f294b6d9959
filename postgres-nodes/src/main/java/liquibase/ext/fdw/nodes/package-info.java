/**
 * Starts local PostgreSQL nodes from the server binaries published as Maven artifacts, for tests, demos and
 * the embedded topology. Nothing here depends on Maven or Liquibase.
 */
package liquibase.ext.fdw.nodes;
