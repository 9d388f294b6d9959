/**
 * Test support for users' own sharded changelogs: the JUnit 5 extension {@link liquibase.ext.fdw.junit.FdwTopology}
 * starts a topology's nodes (embedded PostgreSQL, Testcontainers, or external) and hands them to tests as
 * {@link liquibase.ext.fdw.junit.FdwNodes}.
 */
package liquibase.ext.fdw.junit;
