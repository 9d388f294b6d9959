/**
 * How a change reaches the nodes behind the coordinator's foreign servers directly, for work that postgres_fdw does
 * slowly (bulk copies). A runner that knows the nodes (the topology engine) offers {@link NodeConnections} in
 * Liquibase's scope; without it, changes keep their postgres_fdw path.
 */
package liquibase.ext.fdw.transfer;
