package liquibase.ext.fdw.change.createsubscription;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.replication.SubscriptionOptions;

/** Validation of subscription options against {@link SubscriptionOptions} for the database's major. */
public final class SubscriptionOptionChecks {
    private SubscriptionOptionChecks() {
    }

    /** Adds an error per option that the connected (or offline) PostgreSQL major does not accept in CREATE SUBSCRIPTION. */
    public static void check(Change change, List<FdwOption> options, Database database, ValidationErrors errors) {
        int major = major(database);
        for (FdwOption option : options) {
            String optionName = option.getName();
            Integer since = optionName == null ? null : SubscriptionOptions.since(optionName);
            if (since == null) {
                errors.addError(ChangeMessages.format(change, "option '" + optionName + "' is not a subscription option;"
                        + " valid options are " + String.join(", ", SubscriptionOptions.names(major)) + "."));
            } else if (since > major) {
                errors.addError(ChangeMessages.format(change, "option '" + optionName + "' needs PostgreSQL " + since
                        + " or later, the database is PostgreSQL " + major + "; remove the option or upgrade the server."));
            } else if (option.getValue() == null) {
                errors.addError(ChangeMessages.format(change, "option '" + optionName + "' has no value; set value."));
            }
        }
    }

    private static int major(Database database) {
        try {
            return database.getDatabaseMajorVersion();
        } catch (DatabaseException | RuntimeException e) {
            return Integer.MAX_VALUE; // unknown version: accept every known option, PostgreSQL has the last word
        }
    }

}
