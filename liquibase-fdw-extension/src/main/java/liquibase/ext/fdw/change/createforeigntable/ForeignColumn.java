package liquibase.ext.fdw.change.createforeigntable;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;

/**
 * One column of a foreign table as declared in the changelog.
 *
 * @param name column name
 * @param type Liquibase type description (as in createTable), rendered for the database by the generator
 * @param defaultValue default value object of the column config (a literal or a computed function), or null
 * @param notNull whether the column is NOT NULL
 * @param options the column's options ({@code column_name} for postgres_fdw), rendered after the type
 */
public record ForeignColumn(String name, String type, Object defaultValue, boolean notNull, List<FdwOption> options) {
    /** Copies the options: the record is part of an immutable statement. */
    public ForeignColumn {
        options = List.copyOf(options);
    }
}
