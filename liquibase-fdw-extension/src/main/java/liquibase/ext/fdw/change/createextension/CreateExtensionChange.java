package liquibase.ext.fdw.change.createextension;

import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.dropextension.DropExtensionChange;
import liquibase.statement.SqlStatement;

/** Installs an extension (typically postgres_fdw); rolls back with DROP EXTENSION. */
@DatabaseChange(name = "createExtension", description = "Installs a PostgreSQL extension (CREATE EXTENSION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreateExtensionChange extends AbstractFdwChange {
    private String name;
    private String schemaName;
    private String version;
    private Boolean ifNotExists;
    private Boolean cascade;

    @DatabaseChangeProperty(description = "Extension to install", exampleValue = "postgres_fdw")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "Schema for the extension's objects", exampleValue = "public")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "Extension version to install", exampleValue = "1.1")
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = trimToNull(version);
    }

    @DatabaseChangeProperty(description = "Do nothing when the extension is installed already", exampleValue = "true")
    public Boolean getIfNotExists() {
        return ifNotExists;
    }

    public void setIfNotExists(Boolean ifNotExists) {
        this.ifNotExists = ifNotExists;
    }

    @DatabaseChangeProperty(description = "Also install extensions this one requires", exampleValue = "false")
    public Boolean getCascade() {
        return cascade;
    }

    public void setCascade(Boolean cascade) {
        this.cascade = cascade;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the extension to install, e.g. name=\"postgres_fdw\"");
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new CreateExtensionStatement(name, schemaName, version,
                Boolean.TRUE.equals(ifNotExists), Boolean.TRUE.equals(cascade))};
    }

    @Override
    protected Change[] createInverses() {
        DropExtensionChange inverse = new DropExtensionChange();
        inverse.setName(name);
        inverse.setIfExists(ifNotExists);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Extension " + name + " created";
    }
}
