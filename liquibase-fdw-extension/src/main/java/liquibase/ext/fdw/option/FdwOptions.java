package liquibase.ext.fdw.option;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import liquibase.database.Database;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;

/** Loads nested options from any changelog format and renders an {@code OPTIONS (...)} clause. */
public final class FdwOptions {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private FdwOptions() {
    }

    /**
     * The options below a change node. XML gives one {@code option} child per option; YAML and JSON give
     * {@code options: [{name: ..., value: ...}]}, which Liquibase flattens into a run of name/value children, so a
     * repeated key starts the next option.
     */
    public static List<FdwOption> load(ParsedNode changeNode) throws ParsedNodeException {
        List<FdwOption> options = new ArrayList<>();
        for (ParsedNode child : changeNode.getChildren()) {
            if (child.getName().equals("option")) {
                options.add(new FdwOption(child.getChildValue(null, "name", String.class),
                        child.getChildValue(null, "value", String.class)));
            } else if (child.getName().equals("options")) {
                FdwOption current = null;
                for (ParsedNode field : child.getChildren()) {
                    if (field.getName().equals("option")) {
                        options.add(new FdwOption(field.getChildValue(null, "name", String.class),
                                field.getChildValue(null, "value", String.class)));
                        current = null;
                        continue;
                    }
                    boolean isName = field.getName().equals("name");
                    if (current == null || (isName ? current.getName() : current.getValue()) != null) {
                        current = new FdwOption();
                        options.add(current);
                    }
                    if (isName) {
                        current.setName(field.getValue(String.class));
                    } else {
                        current.setValue(field.getValue(String.class));
                    }
                }
            }
        }
        return options;
    }

    /** {@code OPTIONS (name 'value', ...)} with a leading space, or an empty string; secrets go through {@link Secrets}. */
    public static String clause(List<FdwOption> options, Database database) {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" OPTIONS (");
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            FdwOption option = options.get(i);
            sql.append(name(option.getName())).append(' ').append(Secrets.isSecretOption(option.getName())
                    ? Secrets.literal(database, option.getValue()) : SqlLiterals.quote(option.getValue()));
        }
        return sql.append(')').toString();
    }

    /** An option name: bare when it is a plain lower-case word, else a quoted identifier. */
    public static String name(String optionName) {
        if (PLAIN_NAME.matcher(optionName).matches()) {
            return optionName;
        }
        return '"' + optionName.replace("\"", "\"\"") + '"';
    }
}
