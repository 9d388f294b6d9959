package liquibase.ext.fdw.change.createforeigntable;

import liquibase.change.ColumnConfig;
import liquibase.ext.fdw.xml.FdwNamespace;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;

/**
 * A createForeignTable column: core's column plus {@code remoteColumnName}, postgres_fdw's {@code column_name}
 * column option (XML: {@code fdw:remoteColumnName} on {@code <column>}, since core's column element takes attributes
 * of other namespaces but no child elements). Core's loader refuses any other unknown key of the column.
 */
public class ForeignColumnConfig extends ColumnConfig {
    private static final String REMOTE_COLUMN_NAME = "remoteColumnName";

    private String remoteColumnName;

    /** Name of the column on the remote table (postgres_fdw's column option {@code column_name}), or null. */
    public String getRemoteColumnName() {
        return remoteColumnName;
    }

    public void setRemoteColumnName(String remoteColumnName) {
        this.remoteColumnName = remoteColumnName;
    }

    @Override
    public void load(ParsedNode parsedNode, ResourceAccessor resourceAccessor) throws ParsedNodeException {
        super.load(parsedNode, resourceAccessor);
        remoteColumnName = parsedNode.getChildValue(null, REMOTE_COLUMN_NAME, String.class);
    }

    @Override
    public String getSerializableFieldNamespace(String field) {
        return REMOTE_COLUMN_NAME.equals(field) ? FdwNamespace.URI : super.getSerializableFieldNamespace(field);
    }
}
