/**
 * The topology engine: the topology model and its YAML loader ({@link liquibase.ext.fdw.topology.Topology},
 * {@link liquibase.ext.fdw.topology.TopologyLoader}), the request every front end fills
 * ({@link liquibase.ext.fdw.topology.TopologyRequest}), the entry point
 * ({@link liquibase.ext.fdw.topology.TopologyEngine}), the runner and its passes (connect, parse changelogs, take
 * locks, check rollback targets, run levels, roll back a failed run), atomic updates by two-phase commit and their
 * recovery ({@link liquibase.ext.fdw.topology.AtomicRun}, {@link liquibase.ext.fdw.topology.Recovery}), reports,
 * masking and typed exceptions. No
 * build-tool types: the Maven plugin and the Liquibase CLI commands ({@code command}) word its exceptions.
 */
package liquibase.ext.fdw.topology;
