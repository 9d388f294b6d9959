package liquibase.ext.fdw.snapshot;

import java.util.List;
import liquibase.ext.fdw.sql.SqlLiterals;

/** One column of a foreign table: name, type as {@code format_type} prints it, NOT NULL and column options. */
public record ForeignTableColumn(String name, String type, boolean notNull, List<String> options) {

    /** The value of a column option, or null. */
    public String option(String optionName) {
        return Options.asMap(options).get(optionName);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(' ').append(type);
        if (notNull) {
            text.append(" NOT NULL");
        }
        if (!options.isEmpty()) {
            text.append(" OPTIONS (");
            String separator = "";
            for (var option : Options.asMap(options).entrySet()) {
                text.append(separator).append(option.getKey()).append(' ').append(SqlLiterals.quote(option.getValue()));
                separator = ", ";
            }
            text.append(')');
        }
        return text.toString();
    }
}
