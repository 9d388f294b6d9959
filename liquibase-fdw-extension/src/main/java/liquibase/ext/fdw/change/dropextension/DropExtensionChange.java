package liquibase.ext.fdw.change.dropextension;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.statement.SqlStatement;

/** Removes an extension. No automatic rollback: the objects it owned are gone, so write an explicit one. */
@DatabaseChange(name = "dropExtension", description = "Removes a PostgreSQL extension (DROP EXTENSION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DropExtensionChange extends AbstractFdwChange {
    private String name;
    private Boolean ifExists;
    private Boolean cascade;

    @DatabaseChangeProperty(description = "Extension to remove", exampleValue = "postgres_fdw")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "Do nothing when the extension is not installed", exampleValue = "true")
    public Boolean getIfExists() {
        return ifExists;
    }

    public void setIfExists(Boolean ifExists) {
        this.ifExists = ifExists;
    }

    @DatabaseChangeProperty(description = "Also drop objects that depend on the extension", exampleValue = "false")
    public Boolean getCascade() {
        return cascade;
    }

    public void setCascade(Boolean cascade) {
        this.cascade = cascade;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the extension to remove");
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DropExtensionStatement(name, Boolean.TRUE.equals(ifExists), Boolean.TRUE.equals(cascade))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Extension " + name + " dropped";
    }
}
