package liquibase.ext.fdw.change.importforeignschema;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractOptionsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.option.OptionChecks;
import liquibase.ext.fdw.option.PostgresFdwOptions;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.statement.SqlStatement;

/**
 * Creates foreign tables for the tables of a remote schema. Rolls back by dropping exactly the foreign tables the
 * import created (found in the catalog through the server and the options postgres_fdw records).
 */
@DatabaseChange(name = "importForeignSchema", description = "Imports remote tables as foreign tables (IMPORT FOREIGN SCHEMA)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class ImportForeignSchemaChange extends AbstractOptionsChange {
    private String serverName;
    private String remoteSchema;
    private String localSchema;
    private String limitTo;
    private String except;

    @DatabaseChangeProperty(description = "Foreign server to import from", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Schema on the remote server", exampleValue = "box2_schema")
    public String getRemoteSchema() {
        return remoteSchema;
    }

    public void setRemoteSchema(String remoteSchema) {
        this.remoteSchema = trimToNull(remoteSchema);
    }

    @DatabaseChangeProperty(description = "Local schema that receives the foreign tables", exampleValue = "box1_schema")
    public String getLocalSchema() {
        return localSchema;
    }

    public void setLocalSchema(String localSchema) {
        this.localSchema = trimToNull(localSchema);
    }

    @DatabaseChangeProperty(description = "Comma-separated remote tables to import (LIMIT TO)",
            exampleValue = "temperatures_2016, temperatures_2017")
    public String getLimitTo() {
        return limitTo;
    }

    public void setLimitTo(String limitTo) {
        this.limitTo = trimToNull(limitTo);
    }

    @DatabaseChangeProperty(description = "Comma-separated remote tables to leave out (EXCEPT)", exampleValue = "audit_log")
    public String getExcept() {
        return except;
    }

    public void setExcept(String except) {
        this.except = trimToNull(except);
    }

    private static List<String> split(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "serverName", serverName, "set serverName to the foreign server to import from");
        require(errors, "remoteSchema", remoteSchema, "set remoteSchema to the schema on the remote server");
        require(errors, "localSchema", localSchema, "set localSchema to the local schema that receives the tables");
        if (limitTo != null && except != null) {
            errors.addError(ChangeMessages.format(this, "attributes 'limitTo' and 'except' exclude each other; "
                    + "keep limitTo to import only the listed tables, or except to import all others."));
        }
        for (String list : new String[] {"limitTo", "except"}) {
            for (String table : split(list.equals("limitTo") ? limitTo : except)) {
                String tooLong = Identifiers.tooLong("table '" + table + "' in attribute '" + list + "'", table);
                if (tooLong != null) {
                    errors.addError(ChangeMessages.format(this, tooLong));
                }
            }
        }
        OptionChecks.check(this, getOptions(), PostgresFdwOptions.IMPORT, database, errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    private ImportForeignSchemaStatement statement() {
        return new ImportForeignSchemaStatement(serverName, remoteSchema, localSchema, split(limitTo), split(except), getOptions());
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {statement()};
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) {
        return new SqlStatement[] {new DropImportedTablesStatement(statement())};
    }

    @Override
    public String getConfirmationMessage() {
        return "Foreign schema " + remoteSchema + " imported from " + serverName + " into " + localSchema;
    }
}
