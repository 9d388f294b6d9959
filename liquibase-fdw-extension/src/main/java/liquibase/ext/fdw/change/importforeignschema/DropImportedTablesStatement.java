package liquibase.ext.fdw.change.importforeignschema;

import java.util.List;
import liquibase.statement.AbstractSqlStatement;

/**
 * The inverse of an import: drops the foreign tables in the local schema that point at the imported remote schema
 * through the server (and, with limitTo/except, only the tables the import selected).
 */
public final class DropImportedTablesStatement extends AbstractSqlStatement {
    private final ImportForeignSchemaStatement imported;

    public DropImportedTablesStatement(ImportForeignSchemaStatement imported) {
        this.imported = imported;
    }

    public ImportForeignSchemaStatement getImported() {
        return imported;
    }

    public String getServerName() {
        return imported.getServerName();
    }

    public List<String> getLimitTo() {
        return imported.getLimitTo();
    }
}
