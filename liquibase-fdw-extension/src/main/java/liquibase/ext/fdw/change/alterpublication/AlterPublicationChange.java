package liquibase.ext.fdw.change.alterpublication;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.alterpublication.AlterPublicationStatement.Action;
import liquibase.ext.fdw.replication.PublishActions;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.statement.SqlStatement;

/**
 * Changes a publication's tables or published actions. Automatic rollback only for addTables/dropTables (the inverse
 * drops/adds the same tables); setTables and publish replace what was there, which is not recorded.
 */
@DatabaseChange(name = "alterPublication", description = "Changes a publication (ALTER PUBLICATION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AlterPublicationChange extends AbstractFdwChange {
    private String name;
    private String addTables;
    private String dropTables;
    private String setTables;
    private String publish;

    @DatabaseChangeProperty(description = "Publication to change", exampleValue = "shard1_pub")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "Tables to add, comma-separated", exampleValue = "box2_schema.temperatures_2017")
    public String getAddTables() {
        return addTables;
    }

    public void setAddTables(String addTables) {
        this.addTables = trimToNull(addTables);
    }

    @DatabaseChangeProperty(description = "Tables to remove, comma-separated", exampleValue = "box2_schema.temperatures_2015")
    public String getDropTables() {
        return dropTables;
    }

    public void setDropTables(String dropTables) {
        this.dropTables = trimToNull(dropTables);
    }

    @DatabaseChangeProperty(description = "The publication's whole table list, comma-separated (no automatic rollback)",
            exampleValue = "box2_schema.temperatures_2016")
    public String getSetTables() {
        return setTables;
    }

    public void setSetTables(String setTables) {
        this.setTables = trimToNull(setTables);
    }

    @DatabaseChangeProperty(description = "Actions to publish from now on (no automatic rollback)", exampleValue = "insert, update")
    public String getPublish() {
        return publish;
    }

    public void setPublish(String publish) {
        this.publish = trimToNull(publish);
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the publication to change");
        if (addTables == null && dropTables == null && setTables == null && publish == null) {
            errors.addError(ChangeMessages.format(this, "nothing to change; set addTables, dropTables, setTables or publish."));
        }
        if (setTables != null && (addTables != null || dropTables != null)) {
            errors.addError(ChangeMessages.format(this, "attribute 'setTables' replaces the table list, so it excludes"
                    + " addTables and dropTables; keep one of them."));
        }
        for (String[] attribute : new String[][] {{"addTables", addTables}, {"dropTables", dropTables}, {"setTables", setTables}}) {
            if (attribute[1] != null && ReplicationSql.items(attribute[1]).contains("")) {
                errors.addError(ChangeMessages.format(this, "attribute '" + attribute[0] + "' is '" + attribute[1]
                        + "', which holds an empty name; separate the tables by single commas."));
            }
        }
        List<String> problems = new ArrayList<>();
        if (publish != null) {
            PublishActions.normalise(publish, problems);
        }
        problems.forEach(p -> errors.addError(ChangeMessages.format(this, p)));
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        List<SqlStatement> statements = new ArrayList<>();
        if (addTables != null) {
            statements.add(new AlterPublicationStatement(name, Action.ADD_TABLE, ReplicationSql.items(addTables), null));
        }
        if (dropTables != null) {
            statements.add(new AlterPublicationStatement(name, Action.DROP_TABLE, ReplicationSql.items(dropTables), null));
        }
        if (setTables != null) {
            statements.add(new AlterPublicationStatement(name, Action.SET_TABLE, ReplicationSql.items(setTables), null));
        }
        if (publish != null) {
            statements.add(new AlterPublicationStatement(name, Action.SET_PUBLISH, List.of(),
                    PublishActions.normalise(publish, new ArrayList<>())));
        }
        return statements.toArray(new SqlStatement[0]);
    }

    @Override
    protected Change[] createInverses() {
        if (setTables != null || publish != null) {
            return null; // what was there before is not recorded
        }
        AlterPublicationChange inverse = new AlterPublicationChange();
        inverse.setName(name);
        inverse.setAddTables(dropTables);
        inverse.setDropTables(addTables);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Publication " + name + " changed";
    }
}
