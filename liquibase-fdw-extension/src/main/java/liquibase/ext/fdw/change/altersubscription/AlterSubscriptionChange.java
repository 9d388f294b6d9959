package liquibase.ext.fdw.change.altersubscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractOptionsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.altersubscription.AlterSubscriptionStatement.Action;
import liquibase.ext.fdw.change.createsubscription.SubscriptionOptionChecks;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.ext.fdw.replication.Transactions;
import liquibase.statement.SqlStatement;

/**
 * Changes a subscription: enables or disables it, replaces its publications (outside a transaction, as PostgreSQL
 * refreshes it), or sets options. No automatic rollback: the previous settings are not recorded.
 */
@DatabaseChange(name = "alterSubscription", description = "Changes a subscription (ALTER SUBSCRIPTION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AlterSubscriptionChange extends AbstractOptionsChange {
    /** Options of CREATE SUBSCRIPTION that ALTER ... SET does not take. */
    private static final Set<String> CREATE_ONLY = Set.of("connect", "create_slot", "enabled", "copy_data");

    private String name;
    private Boolean enabled;
    private String publications;

    @DatabaseChangeProperty(description = "Subscription to change", exampleValue = "shard1_replica")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "true: ENABLE, false: DISABLE", exampleValue = "true")
    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    @DatabaseChangeProperty(description = "The subscription's publications from now on, comma-separated (SET PUBLICATION)",
            exampleValue = "shard1_pub")
    public String getPublications() {
        return publications;
    }

    public void setPublications(String publications) {
        this.publications = trimToNull(publications);
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the subscription to change");
        if (enabled == null && publications == null && getOptions().isEmpty()) {
            errors.addError(ChangeMessages.format(this, "nothing to change; set enabled, publications or options."));
        }
        if (publications != null && ReplicationSql.items(publications).contains("")) {
            errors.addError(ChangeMessages.format(this, "attribute 'publications' is '" + publications + "', which holds an"
                    + " empty name; separate the publications by single commas."));
        }
        List<FdwOption> settable = new ArrayList<>();
        for (FdwOption option : getOptions()) {
            if (option.getName() != null && CREATE_ONLY.contains(option.getName())) {
                errors.addError(ChangeMessages.format(this, "option '" + option.getName() + "' is only taken by CREATE"
                        + " SUBSCRIPTION; " + ("enabled".equals(option.getName()) ? "use the attribute enabled" : "remove it") + "."));
            } else {
                settable.add(option);
            }
        }
        SubscriptionOptionChecks.check(this, settable, database, errors);
        if (publications != null) {
            Transactions.requireOutside(this, "ALTER SUBSCRIPTION ... SET PUBLICATION", errors);
        }
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        List<SqlStatement> statements = new ArrayList<>();
        if (!getOptions().isEmpty()) {
            statements.add(new AlterSubscriptionStatement(name, Action.SET_OPTIONS, List.of(), getOptions()));
        }
        if (publications != null) {
            statements.add(new AlterSubscriptionStatement(name, Action.SET_PUBLICATION, ReplicationSql.items(publications), List.of()));
        }
        if (enabled != null) {
            statements.add(new AlterSubscriptionStatement(name, enabled ? Action.ENABLE : Action.DISABLE, List.of(), List.of()));
        }
        return statements.toArray(new SqlStatement[0]);
    }

    @Override
    public String getConfirmationMessage() {
        return "Subscription " + name + " changed";
    }
}
