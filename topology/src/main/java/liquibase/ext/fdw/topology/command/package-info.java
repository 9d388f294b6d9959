/**
 * The topology engine as Liquibase CLI commands ({@code liquibase fdw update|update-sql|rollback|rollback-sql|status|
 * validate|tag|history|release-locks|recover|update-testing-rollback}), registered in
 * {@code META-INF/services/liquibase.command.CommandStep}.
 */
package liquibase.ext.fdw.topology.command;
