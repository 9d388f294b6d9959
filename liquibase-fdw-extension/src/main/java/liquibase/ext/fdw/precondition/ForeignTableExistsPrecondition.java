package liquibase.ext.fdw.precondition;

import java.util.ArrayList;
import java.util.List;

/** Holds when the foreign table exists (in the schema, or visible on the search path when no schema is given). */
public class ForeignTableExistsPrecondition extends AbstractCatalogPrecondition {
    private String schemaName;
    private String tableName;

    @Override
    public String getName() {
        return "foreignTableExists";
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

    @Override
    protected List<String> missingAttributes() {
        List<String> missing = new ArrayList<>();
        require(missing, "tableName", tableName);
        return missing;
    }

    @Override
    protected String query() {
        return "SELECT c.relname FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ?"
                + " AND (n.nspname = ?::text OR (?::text IS NULL AND pg_table_is_visible(c.oid)))";
    }

    @Override
    protected List<String> parameters() {
        return java.util.Arrays.asList(tableName, schemaName, schemaName);
    }

    @Override
    protected String failure(List<String> rows) {
        return "Foreign table " + (schemaName == null ? "" : schemaName + ".") + tableName + " does not exist";
    }
}
