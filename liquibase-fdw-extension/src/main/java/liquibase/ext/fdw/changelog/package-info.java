/** Change generators: generate-changelog, diff-changelog and drop-all emit this extension's change types. */
package liquibase.ext.fdw.changelog;
