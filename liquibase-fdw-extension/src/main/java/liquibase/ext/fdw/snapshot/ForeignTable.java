package liquibase.ext.fdw.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * A foreign table: its server, options ({@code name=value}, sorted) and columns, each rendered as
 * {@code name type [NOT NULL] [OPTIONS (name 'value', ...)]} so a diff names the column that differs.
 */
public class ForeignTable extends FdwObject {
    private final List<ForeignTableColumn> columnList = new ArrayList<>();

    public String getServerName() {
        return getAttribute("serverName", String.class);
    }

    public ForeignTable setServerName(String serverName) {
        setAttribute("serverName", serverName);
        return this;
    }

    /** Options as {@code name=value}, sorted. */
    public List<String> getOptions() {
        return strings("options");
    }

    public ForeignTable setOptions(List<String> options) {
        options(options);
        return this;
    }

    /** The columns in table order as readable text. */
    public List<String> getColumns() {
        return strings("columns");
    }

    /**
     * The columns with their parts; available in the snapshot that read them from the database (a snapshot read back
     * from JSON or YAML has only {@link #getColumns()}).
     */
    public List<ForeignTableColumn> getColumnList() {
        return columnList;
    }

    public ForeignTable addColumn(ForeignTableColumn column) {
        columnList.add(column);
        List<String> text = new ArrayList<>(getColumns());
        text.add(column.toString());
        setAttribute("columns", text);
        return this;
    }

    /** Whether the foreign table is a partition of a partitioned table. */
    public Boolean getPartition() {
        return getAttribute("partition", Boolean.class);
    }

    public ForeignTable setPartition(Boolean partition) {
        setAttribute("partition", partition);
        return this;
    }
}
