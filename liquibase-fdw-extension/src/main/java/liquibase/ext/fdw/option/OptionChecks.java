package liquibase.ext.fdw.option;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.secret.Secrets;

/** Validates a change's options against postgres_fdw and the connected server's major. */
public final class OptionChecks {
    private OptionChecks() {
    }

    /** Adds one error per nameless, valueless, duplicate, unknown or too-new option of a CREATE or IMPORT. */
    public static void check(Change change, List<FdwOption> options, PostgresFdwOptions kind, Database database,
            ValidationErrors errors) {
        check(change, options, kind, database, errors, false);
    }

    /**
     * As {@link #check(Change, List, PostgresFdwOptions, Database, ValidationErrors)}; with {@code alter} the
     * options may carry an action (add, set, drop), and a dropped option takes no value.
     */
    public static void check(Change change, List<FdwOption> options, PostgresFdwOptions kind, Database database,
            ValidationErrors errors, boolean alter) {
        Set<String> seen = new HashSet<>();
        for (FdwOption option : options) {
            String name = option.getName();
            if (name == null || name.isBlank()) {
                errors.addError(ChangeMessages.format(change, "an option has no name; write <fdw:option name=\"...\" value=\"...\"/>."));
                continue;
            }
            if (!checkAction(change, option, alter, errors)) {
                continue;
            }
            boolean drop = alter && OptionAction.of(option) == OptionAction.DROP;
            if (drop && option.getValue() != null) {
                errors.addError(ChangeMessages.format(change, "option '" + name
                        + "' has action drop and a value; remove value=\"" + (Secrets.isSecretOption(name) ? "********"
                        : option.getValue()) + "\"."));
            } else if (!drop && option.getValue() == null) {
                errors.addError(ChangeMessages.format(change, "option '" + name + "' has no value; add value=\"...\"."));
            }
            if (!seen.add(name)) {
                errors.addError(ChangeMessages.format(change, "option '" + name + "' is given twice; keep one."));
            }
            if (kind == null) {
                continue;
            }
            if (!kind.isKnown(name)) {
                errors.addError(ChangeMessages.format(change, "option '" + name + "' is not a postgres_fdw "
                        + kind.object() + " option; valid options are " + String.join(", ", kind.names()) + "."));
                continue;
            }
            int actual = major(database);
            if (actual > 0 && actual < kind.sinceMajor(name)) {
                errors.addError(ChangeMessages.format(change, "option '" + name + "' needs PostgreSQL "
                        + kind.sinceMajor(name) + " or later, the database is PostgreSQL " + actual
                        + "; remove the option or upgrade the server."));
            }
        }
    }

    /** False when the action is unusable: unknown, or given where no action applies. */
    private static boolean checkAction(Change change, FdwOption option, boolean alter, ValidationErrors errors) {
        String action = option.getAction();
        if (action == null) {
            return true;
        }
        if (!alter) {
            errors.addError(ChangeMessages.format(change, "option '" + option.getName() + "' has action '" + action
                    + "', but only alterForeignServer and alterUserMapping take option actions; remove action=\""
                    + action + "\"."));
            return false;
        }
        if (!OptionAction.isValid(action)) {
            errors.addError(ChangeMessages.format(change, "option '" + option.getName() + "' has action '" + action
                    + "'; use add, set or drop."));
            return false;
        }
        return true;
    }

    private static int major(Database database) {
        try {
            return database == null ? 0 : database.getDatabaseMajorVersion();
        } catch (DatabaseException e) {
            return 0; // offline without a version: nothing to compare against
        }
    }
}
