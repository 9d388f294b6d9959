/** Diff comparators for the extension's snapshot objects. */
package liquibase.ext.fdw.diff;
