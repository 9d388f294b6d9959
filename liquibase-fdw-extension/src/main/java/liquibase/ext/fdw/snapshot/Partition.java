package liquibase.ext.fdw.snapshot;

/**
 * A partition of a partitioned table: its parent, its bound as PostgreSQL prints it ({@code pg_get_expr} of
 * {@code relpartbound}, e.g. {@code FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')} or {@code DEFAULT}), whether
 * it is a foreign table, and its own partition key when it is sub-partitioned.
 */
public class Partition extends FdwObject {

    public String getParentSchemaName() {
        return getAttribute("parentSchemaName", String.class);
    }

    public Partition setParentSchemaName(String parentSchemaName) {
        setAttribute("parentSchemaName", parentSchemaName);
        return this;
    }

    public String getParentTableName() {
        return getAttribute("parentTableName", String.class);
    }

    public Partition setParentTableName(String parentTableName) {
        setAttribute("parentTableName", parentTableName);
        return this;
    }

    /** The bound as PostgreSQL prints it. */
    public String getBound() {
        return getAttribute("bound", String.class);
    }

    public Partition setBound(String bound) {
        setAttribute("bound", bound);
        return this;
    }

    /** Whether the partition is a foreign table (its rows live on another server). */
    public Boolean getForeign() {
        return getAttribute("foreign", Boolean.class);
    }

    public Partition setForeign(Boolean foreign) {
        setAttribute("foreign", foreign);
        return this;
    }

    /** The partition's own key ({@code pg_get_partkeydef}) when it is sub-partitioned, else null. */
    public String getPartitionBy() {
        return getAttribute("partitionBy", String.class);
    }

    public Partition setPartitionBy(String partitionBy) {
        setAttribute("partitionBy", partitionBy);
        return this;
    }

    @Override
    public String toString() {
        return super.toString() + " (partition of " + (getParentSchemaName() == null ? "" : getParentSchemaName() + ".")
                + getParentTableName() + ")";
    }
}
