package liquibase.ext.fdw.change.createpublication;

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
import liquibase.ext.fdw.change.droppublication.DropPublicationChange;
import liquibase.ext.fdw.replication.PublishActions;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.statement.SqlStatement;

/** Creates a logical replication publication (e.g. of a shard's table); rolls back with DROP PUBLICATION. */
@DatabaseChange(name = "createPublication", description = "Creates a publication for logical replication (CREATE PUBLICATION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreatePublicationChange extends AbstractFdwChange {
    private String name;
    private String tables;
    private Boolean allTables;
    private String publish;
    private Boolean publishViaPartitionRoot;

    @DatabaseChangeProperty(description = "Name of the publication", exampleValue = "shard1_pub")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "Tables to publish, comma-separated, each table or schema.table",
            exampleValue = "box2_schema.temperatures_2016")
    public String getTables() {
        return tables;
    }

    public void setTables(String tables) {
        this.tables = trimToNull(tables);
    }

    @DatabaseChangeProperty(description = "Publish every table of the database (FOR ALL TABLES; superuser)", exampleValue = "false")
    public Boolean getAllTables() {
        return allTables;
    }

    public void setAllTables(Boolean allTables) {
        this.allTables = allTables;
    }

    @DatabaseChangeProperty(description = "Actions to publish, comma-separated: insert, update, delete, truncate (default all)",
            exampleValue = "insert, update, delete")
    public String getPublish() {
        return publish;
    }

    public void setPublish(String publish) {
        this.publish = trimToNull(publish);
    }

    @DatabaseChangeProperty(description = "Publish a partitioned table's changes as the root table's", exampleValue = "false")
    public Boolean getPublishViaPartitionRoot() {
        return publishViaPartitionRoot;
    }

    public void setPublishViaPartitionRoot(Boolean publishViaPartitionRoot) {
        this.publishViaPartitionRoot = publishViaPartitionRoot;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the publication to create");
        if (tables != null && Boolean.TRUE.equals(allTables)) {
            errors.addError(ChangeMessages.format(this, "attributes 'tables' and 'allTables' exclude each other; keep tables"
                    + " to publish the listed tables, or allTables=\"true\" for all of them."));
        }
        if (tables != null && ReplicationSql.items(tables).contains("")) {
            errors.addError(ChangeMessages.format(this, "attribute 'tables' is '" + tables + "', which holds an empty"
                    + " name; separate the tables by single commas."));
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
        return new SqlStatement[] {new CreatePublicationStatement(name, ReplicationSql.items(tables),
                Boolean.TRUE.equals(allTables), publish == null ? null : PublishActions.normalise(publish, new ArrayList<>()),
                publishViaPartitionRoot)};
    }

    @Override
    protected Change[] createInverses() {
        DropPublicationChange drop = new DropPublicationChange();
        drop.setName(name);
        return new Change[] {drop};
    }

    @Override
    public String getConfirmationMessage() {
        return "Publication " + name + " created";
    }
}
