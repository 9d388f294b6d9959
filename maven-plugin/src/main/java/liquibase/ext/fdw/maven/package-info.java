/** Thin Mojos of the topology plugin: they map Maven parameters onto the topology core and report its outcome. */
package liquibase.ext.fdw.maven;
