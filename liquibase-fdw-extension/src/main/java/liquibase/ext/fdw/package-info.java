/** Liquibase extension for sharding PostgreSQL with declarative partitioning and postgres_fdw. */
package liquibase.ext.fdw;
