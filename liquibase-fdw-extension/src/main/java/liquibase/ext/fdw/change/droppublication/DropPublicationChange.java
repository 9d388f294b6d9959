package liquibase.ext.fdw.change.droppublication;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.statement.SqlStatement;

/** Removes a publication. No automatic rollback: what it published is not recorded, so write an explicit one. */
@DatabaseChange(name = "dropPublication", description = "Removes a publication (DROP PUBLICATION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DropPublicationChange extends AbstractFdwChange {
    private String name;
    private Boolean ifExists;

    @DatabaseChangeProperty(description = "Publication to remove", exampleValue = "shard1_pub")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "Do nothing when the publication does not exist", exampleValue = "false")
    public Boolean getIfExists() {
        return ifExists;
    }

    public void setIfExists(Boolean ifExists) {
        this.ifExists = ifExists;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the publication to remove");
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DropPublicationStatement(name, Boolean.TRUE.equals(ifExists))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Publication " + name + " dropped";
    }
}
