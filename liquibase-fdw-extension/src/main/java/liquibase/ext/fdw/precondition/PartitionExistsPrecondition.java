package liquibase.ext.fdw.precondition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import liquibase.ext.fdw.partition.PartitionBounds;

/**
 * Holds when the table is a partition of the parent; with bounds given, only when its bound matches them (compared
 * after normalising quotes, casts, case and list order, so {@code from="1"} matches {@code FROM (1)}).
 */
public class PartitionExistsPrecondition extends AbstractCatalogPrecondition {
    private String schemaName;
    private String tableName;
    private String partitionSchemaName;
    private String partitionName;
    private String from;
    private String to;
    private String values;
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

    private boolean hasBounds() {
        return from != null || to != null || values != null || modulus != null || remainder != null || isDefault != null;
    }

    private String expected() {
        List<String> problems = new ArrayList<>();
        PartitionBounds bounds = PartitionBounds.of(from, to, values, modulus, remainder, isDefault, null, problems);
        return bounds == null ? null : bounds.sql();
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
            PartitionBounds.of(from, to, values, modulus, remainder, isDefault, null, problems);
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
    protected boolean holds(List<String> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        return !hasBounds() || normalize(rows.get(0)).equals(normalize(expected()));
    }

    @Override
    protected String failure(List<String> rows) {
        String partition = (partitionSchemaName == null ? "" : partitionSchemaName + ".") + partitionName;
        String parent = (schemaName == null ? "" : schemaName + ".") + tableName;
        if (rows.isEmpty()) {
            return partition + " is not a partition of " + parent;
        }
        return partition + " is a partition of " + parent + " " + rows.get(0) + ", not " + expected();
    }

    /** A bound clause without quotes, casts, case or list order, so equal bounds compare equal. */
    static String normalize(String bound) {
        if (bound == null) {
            return "";
        }
        String text = bound.toLowerCase(Locale.ROOT).replaceAll("::[a-z ]+(\\([0-9, ]+\\))?", "").replace("'", "")
                .replaceAll("\\s+", " ").trim();
        if (text.startsWith("for values in (") && text.endsWith(")")) {
            List<String> items = new ArrayList<>(Arrays.asList(text.substring(15, text.length() - 1).split(", ")));
            items.sort(null);
            return "for values in (" + String.join(", ", items) + ")";
        }
        return text;
    }
}
