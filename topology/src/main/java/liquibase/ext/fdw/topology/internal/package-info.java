/** Helpers of the topology engine that are not API and may change in any release. */
package liquibase.ext.fdw.topology.internal;
