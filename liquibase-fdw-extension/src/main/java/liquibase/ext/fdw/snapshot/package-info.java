/** Snapshot objects of the extension (extensions, foreign servers, user mappings, foreign tables, partitions) and the generator that reads them from PostgreSQL. */
package liquibase.ext.fdw.snapshot;
