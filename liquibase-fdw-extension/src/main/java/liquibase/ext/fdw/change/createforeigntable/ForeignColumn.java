package liquibase.ext.fdw.change.createforeigntable;

/**
 * One column of a foreign table as declared in the changelog.
 *
 * @param name column name
 * @param type Liquibase type description (as in createTable), rendered for the database by the generator
 * @param defaultValue default value object of the column config (a literal or a computed function), or null
 * @param notNull whether the column is NOT NULL
 */
public record ForeignColumn(String name, String type, Object defaultValue, boolean notNull) {
}
