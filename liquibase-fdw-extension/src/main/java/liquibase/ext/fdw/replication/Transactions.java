package liquibase.ext.fdw.replication;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.ChangeMessages;

/** The rule for statements PostgreSQL refuses inside a transaction block (subscriptions that touch a replication slot). */
public final class Transactions {
    private Transactions() {
    }

    /** Adds an error when {@code change}'s changeset runs in a transaction; {@code what} names the statement. */
    public static void requireOutside(Change change, String what, ValidationErrors errors) {
        ChangeSet changeSet = change.getChangeSet();
        if (changeSet != null && changeSet.isRunInTransaction()) {
            errors.addError(ChangeMessages.format(change, what + " cannot run inside a transaction block; set"
                    + " runInTransaction=\"false\" on its changeset (and keep the change alone in it)."));
        }
    }
}
