package liquibase.ext.fdw.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeMetaData;
import liquibase.change.ChangeParameterMetaData;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.parser.ChangeLogParserConfiguration;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.serializer.LiquibaseSerializable;

/**
 * Checks what a changelog gave one of the extension's changes or preconditions, before Liquibase converts it:
 * attributes the change does not have (YAML and JSON drop them silently), scalars the YAML/JSON parser typed so that
 * their written text is lost (unquoted dates, numbers, booleans in text attributes), and {@code ${...}} that no
 * property resolved. The findings carry no location; the caller prefixes it.
 */
public final class ChangelogInput {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> OPTION_FIELDS = Set.of("name", "value", "action");

    private ChangelogInput() {
    }

    /**
     * One problem of the changelog text.
     *
     * @param detail what is wrong and the fix, without the location
     */
    public record Finding(String detail) {
    }

    /** The attributes a node may have: scalars with their Java type, nested objects, options, columns. */
    private record Shape(String owner, Map<String, Class<?>> attributes, boolean options, Class<?> columnType,
            Set<String> integerText) {
    }

    /**
     * Findings for a change node. {@code integerText} names text attributes that hold a whole number (a hash modulus,
     * a port): there an unquoted YAML/JSON integer means that number, as it does for any numeric attribute.
     */
    public static List<Finding> inspect(Change change, ParsedNode node, Set<String> integerText, ColumnFactory columns) {
        Map<String, Class<?>> attributes = new LinkedHashMap<>();
        boolean options = false;
        Class<?> columnType = null;
        ChangeMetaData metaData = Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(change);
        Map<String, ChangeParameterMetaData> parameters = metaData.getParameters();
        for (ChangeParameterMetaData parameter : parameters.values()) {
            Class<?> type = parameter.getDataTypeClass();
            if (Collection.class.isAssignableFrom(type)) {
                Type[] elements = parameter.getDataTypeClassParameters();
                Class<?> element = elements.length == 1 ? raw(elements[0]) : null;
                if (element != null && FdwOption.class.isAssignableFrom(element)) {
                    options = true;
                    continue;
                }
                if (element != null && LiquibaseSerializable.class.isAssignableFrom(element)
                        && "columns".equals(parameter.getParameterName())) {
                    columnType = columnClass(columns, element);
                    continue;
                }
            }
            attributes.put(parameter.getParameterName(), type);
            if (parameter.getAlternateParameterNames() != null) {
                for (String alternate : parameter.getAlternateParameterNames()) {
                    attributes.put(alternate, type);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        walk(node, new Shape(metaData.getName(), attributes, options, columnType, integerText), "", findings);
        return findings;
    }

    /** How a change makes the column objects its changelog columns load into (AbstractChange#createEmptyColumnConfig). */
    @FunctionalInterface
    public interface ColumnFactory {
        /** An empty column for a collection declared with {@code element}. */
        Object create(Class<?> element) throws ReflectiveOperationException;
    }

    /** The class changelog columns really load into: a change may load them into a subclass of the declared one. */
    private static Class<?> columnClass(ColumnFactory columns, Class<?> element) {
        try {
            Object column = columns.create(element);
            return column == null ? element : column.getClass();
        } catch (ReflectiveOperationException e) {
            return element;
        }
    }

    /** Findings for the node of any other serializable object (a precondition), by its serializable fields. */
    public static List<Finding> inspect(LiquibaseSerializable object, String owner, ParsedNode node,
            Set<String> integerText) {
        List<Finding> findings = new ArrayList<>();
        walk(node, shapeOf(object, owner, integerText), "", findings);
        return findings;
    }

    private static Shape shapeOf(LiquibaseSerializable object, String owner, Set<String> integerText) {
        Map<String, Class<?>> attributes = new LinkedHashMap<>();
        for (String field : object.getSerializableFields()) {
            attributes.put(field, fieldType(object, field));
        }
        return new Shape(owner, attributes, false, null, integerText);
    }

    private static Class<?> fieldType(LiquibaseSerializable object, String field) {
        try {
            return object.getClass().getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1))
                    .getReturnType();
        } catch (NoSuchMethodException e) {
            try {
                return object.getClass().getMethod("is" + Character.toUpperCase(field.charAt(0)) + field.substring(1))
                        .getReturnType();
            } catch (NoSuchMethodException again) {
                return Object.class;
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? raw(p.getRawType()) : null;
    }

    private static void walk(ParsedNode node, Shape shape, String prefix, List<Finding> findings) {
        for (ParsedNode child : node.getChildren()) {
            String name = child.getName();
            if (shape.options() && (name.equals("options") || name.equals("option"))) {
                options(child, findings);
            } else if (shape.columnType() != null && (name.equals("columns") || name.equals("column"))) {
                columns(child, shape.columnType(), findings);
            } else if (!shape.attributes().containsKey(name)) {
                findings.add(new Finding(prefix + "attribute '" + name + "' is unknown to " + shape.owner() + "; "
                        + Suggestions.hint(name, known(shape))));
            } else {
                Class<?> type = shape.attributes().get(name);
                if (LiquibaseSerializable.class.isAssignableFrom(type) && !type.isInterface()) {
                    LiquibaseSerializable nested = instance(type);
                    if (nested != null) {
                        walk(child, shapeOf(nested, name, Set.of()), prefix + name + ": ", findings);
                    }
                } else {
                    scalar(prefix, name, child, type, shape.integerText().contains(name), findings);
                }
            }
        }
    }

    private static Set<String> known(Shape shape) {
        Set<String> known = new LinkedHashSet<>(shape.attributes().keySet());
        if (shape.options()) {
            known.add("options");
        }
        if (shape.columnType() != null) {
            known.add("columns");
        }
        return known;
    }

    private static LiquibaseSerializable instance(Class<?> type) {
        try {
            return (LiquibaseSerializable) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * XML gives one {@code option} node per option; YAML and JSON give {@code options} whose children are either
     * {@code option} nodes or a flat run of name/value/action, where a repeated field starts the next option.
     */
    private static void options(ParsedNode node, List<Finding> findings) {
        if (node.getName().equals("option")) {
            option(node.getChildren(), findings);
            return;
        }
        List<ParsedNode> current = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ParsedNode field : node.getChildren()) {
            if (field.getName().equals("option")) {
                option(field.getChildren(), findings);
                continue;
            }
            if (!seen.add(field.getName())) {
                option(current, findings);
                current = new ArrayList<>();
                seen.clear();
                seen.add(field.getName());
            }
            current.add(field);
        }
        if (!current.isEmpty()) {
            option(current, findings);
        }
    }

    private static void option(List<ParsedNode> fields, List<Finding> findings) {
        Object optionName = null;
        for (ParsedNode field : fields) {
            if (field.getName().equals("name")) {
                optionName = field.getValue();
            }
        }
        String prefix = optionName == null ? "option: " : "option '" + optionName + "': ";
        for (ParsedNode field : fields) {
            if (!OPTION_FIELDS.contains(field.getName())) {
                findings.add(new Finding(prefix + "attribute '" + field.getName() + "' is unknown to option; "
                        + Suggestions.hint(field.getName(), OPTION_FIELDS)));
            } else {
                scalar(prefix, field.getName(), field, String.class, false, findings);
            }
        }
    }

    private static void columns(ParsedNode node, Class<?> columnType, List<Finding> findings) {
        List<ParsedNode> columns = node.getChildren(null, "column");
        if (node.getName().equals("column") || columns.isEmpty()) {
            column(node, columnType, findings);
            return;
        }
        for (ParsedNode column : columns) {
            column(column, columnType, findings);
        }
        for (ParsedNode other : node.getChildren()) {
            if (!other.getName().equals("column")) {
                findings.add(new Finding("columns: '" + other.getName() + "' is not a column; write each column as"
                        + " column: {name: ..., type: ...}."));
            }
        }
    }

    private static void column(ParsedNode node, Class<?> columnType, List<Finding> findings) {
        LiquibaseSerializable column = instance(columnType);
        if (column == null) {
            return;
        }
        Object name = null;
        for (ParsedNode field : node.getChildren()) {
            if (field.getName().equals("name")) {
                name = field.getValue();
            }
        }
        String prefix = name == null ? "column: " : "column '" + name + "': ";
        walk(node, shapeOf(column, "column", Set.of()), prefix, findings);
    }

    private static void scalar(String prefix, String attribute, ParsedNode node, Class<?> type, boolean integerText,
            List<Finding> findings) {
        Object value = node.getValue();
        if (value instanceof UnquotedTimestamp timestamp) {
            if (type == String.class) {
                findings.add(new Finding(prefix + "attribute '" + attribute + "' holds the unquoted timestamp "
                        + timestamp.written() + ", which Liquibase's YAML parser rewrites in the JVM's time zone"
                        + " (dropping fractions of a second and any offset); quote the value, e.g. " + attribute + ": '"
                        + timestamp.written() + "'."));
            }
            // Other attributes (a column's defaultValueDate) get what Liquibase's parser makes of it, as before.
            set(node, type == String.class ? timestamp.written() : timestamp.rewritten());
            return;
        }
        if (value instanceof String text) {
            unresolved(prefix, attribute, text, findings);
            return;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof String text) {
                    unresolved(prefix, attribute, text, findings);
                }
            }
        }
        if (type != String.class || value == null) {
            return;
        }
        String start = prefix + "attribute '" + attribute + "' holds the unquoted ";
        String read;
        if (value instanceof Date date) {
            read = dateText(date);
            findings.add(new Finding(start + "date " + read + " as the YAML/JSON parser read it, which Liquibase turns"
                    + " into text in the JVM's time zone (a day earlier west of UTC); quote the value, e.g. "
                    + attribute + ": '" + read + "'."));
        } else if (value instanceof Boolean bool) {
            read = bool.toString();
            findings.add(new Finding(start + "boolean " + bool + " as the YAML/JSON parser read it, which may not be"
                    + " what was written (yes, on and true all read as true); quote the value, e.g. " + attribute
                    + ": 'yes'."));
        } else if (value instanceof Number number) {
            read = number.toString();
            if (integerText && (value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
                return;
            }
            findings.add(new Finding(start + "number " + number + " as the YAML/JSON parser read it, which may not be"
                    + " what was written (010 reads as 8, 0x1F as 31, 1.10 as 1.1); quote the value, e.g. " + attribute
                    + ": '010'."));
        } else {
            if (value instanceof Collection<?>) {
                findings.add(new Finding(prefix + "attribute '" + attribute + "' is a YAML/JSON list; write it as one"
                        + " quoted text, e.g. " + attribute + ": 'a, b'."));
            }
            return;
        }
        // The change's own checks then see the value as read, the same in every zone, not Date.toString().
        set(node, read);
    }

    private static void set(ParsedNode node, String value) {
        try {
            node.setValue(value);
        } catch (ParsedNodeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dateText(Date date) {
        Instant instant = date.toInstant();
        if (instant.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        return instant.toString();
    }

    private static void unresolved(String prefix, String attribute, String text, List<Finding> findings) {
        if (ChangeLogParserConfiguration.MISSING_PROPERTY_MODE.getCurrentValue()
                == ChangeLogParserConfiguration.MissingPropertyMode.ERROR) {
            // Liquibase has refused every unresolved property already; what is left was escaped on purpose.
            return;
        }
        Matcher matcher = PROPERTY.matcher(text);
        while (matcher.find()) {
            String property = matcher.group(1).trim();
            findings.add(new Finding(prefix + "attribute '" + attribute + "' holds ${" + matcher.group(1)
                    + "}, but no property '" + property + "' is defined; define it with <property>, -D or a properties"
                    + " file, or, for a literal ${...}, escape it as ${:" + property + "} with"
                    + " liquibase.supportPropertyEscaping=true and liquibase.missingPropertyMode=error."));
        }
    }
}
