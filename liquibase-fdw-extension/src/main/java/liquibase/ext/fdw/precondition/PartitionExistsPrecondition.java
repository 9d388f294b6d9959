package liquibase.ext.fdw.precondition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import liquibase.ext.fdw.partition.BoundItems;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.ext.fdw.partition.internal.BoundProbe;

/**
 * Holds when the table is a partition of the parent; with bounds given, only when its bound is exactly the one
 * PostgreSQL would store for them on that parent: the bound is rendered by the server for the parent's key (see
 * {@link BoundProbe}) and compared with the catalog's {@code pg_get_expr(relpartbound)}, so {@code from="2016-1-1"}
 * matches {@code FROM ('2016-01-01')} on a date key while {@code 'OSLO'} never matches {@code 'Oslo'}. List values
 * match in any order.
 */
public class PartitionExistsPrecondition extends AbstractCatalogPrecondition {
    private String schemaName;
    private String tableName;
    private String partitionSchemaName;
    private String partitionName;
    private String from;
    private String to;
    private String values;
    private String fromExpression;
    private String toExpression;
    private String valuesExpression;
    private String modulus;
    private String remainder;
    private Boolean isDefault;

    @Override
    public String getName() {
        return "partitionExists";
    }

    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getPartitionSchemaName() {
        return partitionSchemaName;
    }

    public void setPartitionSchemaName(String partitionSchemaName) {
        this.partitionSchemaName = partitionSchemaName;
    }

    public String getPartitionName() {
        return partitionName;
    }

    public void setPartitionName(String partitionName) {
        this.partitionName = partitionName;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getValues() {
        return values;
    }

    public void setValues(String values) {
        this.values = values;
    }

    public String getFromExpression() {
        return fromExpression;
    }

    public void setFromExpression(String fromExpression) {
        this.fromExpression = fromExpression;
    }

    public String getToExpression() {
        return toExpression;
    }

    public void setToExpression(String toExpression) {
        this.toExpression = toExpression;
    }

    public String getValuesExpression() {
        return valuesExpression;
    }

    public void setValuesExpression(String valuesExpression) {
        this.valuesExpression = valuesExpression;
    }

    public String getModulus() {
        return modulus;
    }

    public void setModulus(String modulus) {
        this.modulus = modulus;
    }

    public String getRemainder() {
        return remainder;
    }

    public void setRemainder(String remainder) {
        this.remainder = remainder;
    }

    public Boolean getIsDefault() {
        return isDefault;
    }

    public void setIsDefault(Boolean isDefault) {
        this.isDefault = isDefault;
    }

    private PartitionBounds.Attributes attributes() {
        return new PartitionBounds.Attributes(from, fromExpression, to, toExpression, values, valuesExpression, modulus,
                remainder, isDefault);
    }

    private boolean hasBounds() {
        return attributes().any();
    }

    private PartitionBounds bounds() {
        return PartitionBounds.of(attributes(), null, new ArrayList<>());
    }

    @Override
    protected List<String> missingAttributes() {
        List<String> missing = new ArrayList<>();
        require(missing, "tableName", tableName);
        require(missing, "partitionName", partitionName);
        return missing;
    }

    @Override
    public liquibase.exception.ValidationErrors validate(liquibase.database.Database database) {
        liquibase.exception.ValidationErrors errors = super.validate(database);
        if (hasBounds()) {
            List<String> problems = new ArrayList<>();
            PartitionBounds.of(attributes(), null, problems);
            problems.forEach(problem -> errors.addError(getName() + ": " + problem));
        }
        return errors;
    }

    @Override
    protected String query() {
        return "SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class p ON p.oid = i.inhparent"
                + " JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                + " WHERE p.relname = ? AND pn.nspname = coalesce(?::text, current_schema())"
                + " AND c.relname = ? AND n.nspname = coalesce(?::text, ?::text, current_schema())";
    }

    @Override
    protected List<String> parameters() {
        return Arrays.asList(tableName, schemaName, partitionName, partitionSchemaName, schemaName);
    }

    @Override
    protected String mismatch(List<String> rows, Connection connection) throws SQLException {
        if (rows.isEmpty() || !hasBounds()) {
            return rows.isEmpty() ? failure(rows) : null;
        }
        PartitionBounds bounds = bounds();
        BoundProbe.Result expected = BoundProbe.render(connection, schemaName, tableName, bounds.sql());
        if (expected == null) {
            return differs(rows, "; the expected bound cannot be compared: this session cannot create the temporary"
                    + " tables PostgreSQL needs to render " + bounds.sql());
        }
        if (!expected.accepted()) {
            return differs(rows, "; the expected bound PostgreSQL refuses " + bounds.sql() + " for this parent: "
                    + expected.refusal().getMessage().lines().findFirst().orElse(""));
        }
        String actual = rows.get(0);
        if (bounds.kind() != PartitionBounds.Kind.LIST || bounds.values() == null) {
            return actual.equals(expected.bound()) ? null : failure(rows);
        }
        // one rendering per value, so the catalog's list can be matched in any order without parsing its text
        Set<String> items = new LinkedHashSet<>();
        for (String item : bounds.values()) {
            String alone = BoundProbe.render(connection, schemaName, tableName, "FOR VALUES IN (" + BoundItems.sql(item) + ")")
                    .bound();
            items.add(alone.substring("FOR VALUES IN (".length(), alone.length() - 1));
        }
        return sameValues(actual, items) ? null : failure(rows);
    }

    /**
     * Whether {@code bound} ({@code FOR VALUES IN (a, b)}) lists exactly {@code items}, in any order; each item is a
     * constant as PostgreSQL prints it, which ends where it ends (a quoted literal, a number, NULL), so matching one at
     * the current position followed by ", " or the closing parenthesis is unambiguous.
     */
    static boolean sameValues(String bound, Set<String> items) {
        String prefix = "FOR VALUES IN (";
        if (!bound.startsWith(prefix) || !bound.endsWith(")")) {
            return false;
        }
        Set<String> left = new LinkedHashSet<>(items);
        int position = prefix.length();
        int end = bound.length() - 1;
        while (position < end) {
            String matched = null;
            for (String item : left) {
                int after = position + item.length();
                if (bound.startsWith(item, position) && (after == end || bound.startsWith(", ", after))) {
                    matched = item;
                    break;
                }
            }
            if (matched == null) {
                return false;
            }
            left.remove(matched);
            position += matched.length();
            if (position < end) {
                position += 2;
            }
        }
        return left.isEmpty();
    }

    @Override
    protected String failure(List<String> rows) {
        return rows.isEmpty() ? qualified(partitionSchemaName, partitionName) + " is not a partition of "
                + qualified(schemaName, tableName) : differs(rows, ", not " + bounds().sql());
    }

    private String differs(List<String> rows, String how) {
        return qualified(partitionSchemaName, partitionName) + " is a partition of " + qualified(schemaName, tableName)
                + " " + rows.get(0) + how;
    }

    private static String qualified(String schema, String name) {
        return (schema == null ? "" : schema + ".") + name;
    }
}
