package liquibase.ext.fdw.change.dropsubscription;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.replication.Transactions;
import liquibase.statement.SqlStatement;

/**
 * Removes a subscription and its replication slot on the publisher; outside a transaction. No automatic rollback: the
 * connection and password are not recorded, so write an explicit one.
 */
@DatabaseChange(name = "dropSubscription", description = "Removes a subscription (DROP SUBSCRIPTION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class DropSubscriptionChange extends AbstractFdwChange {
    private String name;
    private Boolean ifExists;

    @DatabaseChangeProperty(description = "Subscription to remove", exampleValue = "shard1_replica")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "Do nothing when the subscription does not exist", exampleValue = "false")
    public Boolean getIfExists() {
        return ifExists;
    }

    public void setIfExists(Boolean ifExists) {
        this.ifExists = ifExists;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the subscription to remove");
        Transactions.requireOutside(this, "DROP SUBSCRIPTION", errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new DropSubscriptionStatement(name, Boolean.TRUE.equals(ifExists))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Subscription " + name + " dropped";
    }
}
