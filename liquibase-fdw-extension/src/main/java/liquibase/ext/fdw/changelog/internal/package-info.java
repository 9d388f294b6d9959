/** Helpers of the change generators; not API. */
package liquibase.ext.fdw.changelog.internal;
