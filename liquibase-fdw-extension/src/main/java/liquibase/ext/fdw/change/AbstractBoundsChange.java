package liquibase.ext.fdw.change;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.ext.fdw.partition.internal.BoundCheck;

/** Base of the partition change types that take a bound ({@code from}/{@code to}, {@code values}, hash or default). */
public abstract class AbstractBoundsChange extends AbstractFdwChange {
    private String from;
    private String to;
    private String values;
    private String fromExpression;
    private String toExpression;
    private String valuesExpression;
    private String modulus;
    private String remainder;
    private Boolean isDefault;
    private Boolean moveRowsFromDefault;

    @DatabaseChangeProperty(description = "Range lower bound (inclusive), one item per key column: literal, MINVALUE or MAXVALUE",
            exampleValue = "2016-01-01")
    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = trimToNull(from);
    }

    @DatabaseChangeProperty(description = "Range upper bound (exclusive), one item per key column", exampleValue = "2017-01-01")
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = trimToNull(to);
    }

    @DatabaseChangeProperty(description = "List partition values, comma-separated; quote items holding commas: 'a,b'",
            exampleValue = "Oslo, Bergen")
    public String getValues() {
        return values;
    }

    public void setValues(String values) {
        this.values = trimToNull(values);
    }

    @DatabaseChangeProperty(description = "Range lower bound as SQL, passed verbatim inside FROM (...), one expression per key"
            + " column: casts, functions, operators; instead of from", exampleValue = "'2020-01-01'::date")
    public String getFromExpression() {
        return fromExpression;
    }

    public void setFromExpression(String fromExpression) {
        this.fromExpression = trimToNull(fromExpression);
    }

    @DatabaseChangeProperty(description = "Range upper bound as SQL, passed verbatim inside TO (...); instead of to",
            exampleValue = "'2020-01-01'::date + 1")
    public String getToExpression() {
        return toExpression;
    }

    public void setToExpression(String toExpression) {
        this.toExpression = trimToNull(toExpression);
    }

    @DatabaseChangeProperty(description = "List values as SQL, passed verbatim inside IN (...); instead of values",
            exampleValue = "'a' || 'b', upper('oslo')")
    public String getValuesExpression() {
        return valuesExpression;
    }

    public void setValuesExpression(String valuesExpression) {
        this.valuesExpression = trimToNull(valuesExpression);
    }

    @DatabaseChangeProperty(description = "Hash partition modulus", exampleValue = "4")
    public String getModulus() {
        return modulus;
    }

    public void setModulus(String modulus) {
        this.modulus = trimToNull(modulus);
    }

    @DatabaseChangeProperty(description = "Hash partition remainder (0 to modulus - 1)", exampleValue = "0")
    public String getRemainder() {
        return remainder;
    }

    public void setRemainder(String remainder) {
        this.remainder = trimToNull(remainder);
    }

    @DatabaseChangeProperty(description = "The DEFAULT partition (no bounds)", exampleValue = "false")
    public Boolean getIsDefault() {
        return isDefault;
    }

    public void setIsDefault(Boolean isDefault) {
        this.isDefault = isDefault;
    }

    @DatabaseChangeProperty(description = "Move rows of the new range out of the DEFAULT partition in the same transaction",
            exampleValue = "true")
    public Boolean getMoveRowsFromDefault() {
        return moveRowsFromDefault;
    }

    public void setMoveRowsFromDefault(Boolean moveRowsFromDefault) {
        this.moveRowsFromDefault = moveRowsFromDefault;
    }

    /** Whether any bound attribute is set. */
    protected boolean hasBounds() {
        return from != null || to != null || values != null || fromExpression != null || toExpression != null
                || valuesExpression != null || modulus != null || remainder != null || Boolean.TRUE.equals(isDefault);
    }

    private PartitionBounds.Attributes attributes() {
        return new PartitionBounds.Attributes(from, fromExpression, to, toExpression, values, valuesExpression, modulus,
                remainder, isDefault);
    }

    /** The parent's schema, for checking the bound against its key (null: the current schema). */
    protected abstract String boundsParentSchema();

    /** The parent's name, for checking the bound against its key; null skips the check. */
    protected abstract String boundsParentTable();

    /**
     * {@link #bounds(PartitionBounds.Kind, ValidationErrors)}, then, when that and the other attributes passed and on a live connection, the bound checked by
     * PostgreSQL against the parent's partition key (the parent's catalog, or its createPartitionedTable earlier in
     * this changelog).
     */
    protected PartitionBounds bounds(PartitionBounds.Kind expected, ValidationErrors errors, Database database) {
        PartitionBounds bounds = bounds(expected, errors);
        if (bounds != null && !errors.hasErrors() && boundsParentTable() != null) {
            String problem = BoundCheck.problem(database, boundsParentSchema(), boundsParentTable(), bounds,
                    ParentInChangelog.find(this, boundsParentSchema(), boundsParentTable()));
            if (problem != null) {
                errors.addError(ChangeMessages.format(this, problem));
            }
        }
        return bounds;
    }

    /**
     * The validated bound, or null after adding located errors; {@code expected} restricts the kind, null allows any.
     * moveRowsFromDefault on the default partition itself is refused.
     */
    protected PartitionBounds bounds(PartitionBounds.Kind expected, ValidationErrors errors) {
        List<String> problems = new ArrayList<>();
        PartitionBounds bounds = PartitionBounds.of(attributes(), expected, problems);
        problems.forEach(problem -> errors.addError(ChangeMessages.format(this, problem)));
        if (bounds != null && bounds.kind() == PartitionBounds.Kind.DEFAULT && moveRows()) {
            errors.addError(ChangeMessages.format(this, "moveRowsFromDefault=\"true\" makes no sense for the DEFAULT"
                    + " partition itself; remove it."));
        }
        return bounds;
    }

    /** The bound, for statements; only called after validation passed. */
    protected PartitionBounds bounds(PartitionBounds.Kind expected) {
        return PartitionBounds.of(attributes(), expected, new ArrayList<>());
    }

    protected boolean moveRows() {
        return Boolean.TRUE.equals(moveRowsFromDefault);
    }

    /** Copies the bound attributes to another change (inverses). */
    protected void copyBoundsTo(AbstractBoundsChange other) {
        other.setFrom(from);
        other.setTo(to);
        other.setValues(values);
        other.setFromExpression(fromExpression);
        other.setToExpression(toExpression);
        other.setValuesExpression(valuesExpression);
        other.setModulus(modulus);
        other.setRemainder(remainder);
        other.setIsDefault(isDefault);
    }
}
