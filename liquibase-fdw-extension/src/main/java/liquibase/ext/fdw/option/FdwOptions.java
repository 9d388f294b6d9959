package liquibase.ext.fdw.option;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import liquibase.database.Database;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;

/** Loads nested options from any changelog format and renders an {@code OPTIONS (...)} clause. */
public final class FdwOptions {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> FIELDS = Set.of("name", "value", "action");

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
                options.add(read(child));
            } else if (child.getName().equals("options")) {
                FdwOption current = null;
                for (ParsedNode field : child.getChildren()) {
                    if (field.getName().equals("option")) {
                        options.add(read(field));
                        current = null;
                        continue;
                    }
                    if (!FIELDS.contains(field.getName())) {
                        continue;
                    }
                    if (current == null || get(current, field.getName()) != null) {
                        current = new FdwOption();
                        options.add(current);
                    }
                    set(current, field.getName(), field.getValue(String.class));
                }
            }
        }
        return options;
    }

    private static FdwOption read(ParsedNode node) throws ParsedNodeException {
        return FdwOption.withAction(node.getChildValue(null, "name", String.class),
                node.getChildValue(null, "value", String.class), node.getChildValue(null, "action", String.class));
    }

    private static String get(FdwOption option, String field) {
        return switch (field) {
            case "name" -> option.getName();
            case "value" -> option.getValue();
            default -> option.getAction();
        };
    }

    private static void set(FdwOption option, String field, String text) {
        switch (field) {
            case "name" -> option.setName(text);
            case "value" -> option.setValue(text);
            default -> option.setAction(text);
        }
    }

    /** {@code OPTIONS (name 'value', ...)} with a leading space, or an empty string; secrets go through {@link Secrets}. */
    public static String clause(List<FdwOption> options, Database database) {
        return render(options, database, false);
    }

    /** {@code OPTIONS (ADD name 'value', SET name 'value', DROP name)} of an ALTER, or an empty string. */
    public static String alterClause(List<FdwOption> options, Database database) {
        return render(options, database, true);
    }

    private static String render(List<FdwOption> options, Database database, boolean alter) {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" OPTIONS (");
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            FdwOption option = options.get(i);
            String action = alter ? OptionAction.of(option).name() : null;
            if (action != null) {
                sql.append(action).append(' ');
            }
            sql.append(name(option.getName()));
            if (OptionAction.DROP.name().equals(action)) {
                continue;
            }
            sql.append(' ').append(Secrets.isSecretOption(option.getName())
                    ? Secrets.literal(database, option.getValue()) : SqlLiterals.quote(option.getValue()));
        }
        return sql.append(')').toString();
    }

    /** An option name: bare when it is a plain lower-case word, else a quoted identifier. */
    public static String name(String optionName) {
        if (PLAIN_NAME.matcher(optionName).matches()) {
            return optionName;
        }
        return Identifiers.quoted(optionName);
    }
}
