/**
 * The Maven-free core of the topology plugin: the topology model and its YAML loader, dependency ordering, embedded
 * nodes, and the runner that drives Liquibase on every node.
 */
package liquibase.ext.fdw.topology;
