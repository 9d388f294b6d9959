package liquibase.ext.fdw.option;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
            if (!drop && Secrets.isSecretOption(name) && option.getValue() != null
                    && option.getValue().length() < Secrets.MIN_LENGTH) {
                errors.addError(ChangeMessages.format(change, "option '" + name + "' is shorter than "
                        + Secrets.MIN_LENGTH + " characters, too short to be masked in logs, SQL output and error"
                        + " messages without masking ordinary words; use a value of " + Secrets.MIN_LENGTH
                        + " characters or more."));
            }
            if (!seen.add(name)) {
                errors.addError(ChangeMessages.format(change, "option '" + name + "' is given twice; keep one."));
            }
            if (kind != null) {
                checkName(change, name, kind, major(database), errors);
            }
        }
    }

    /**
     * Adds an error when postgres_fdw of the connected major refuses {@code name} on {@code kind}: never valid,
     * valid on another kind of object, unknown, or too new. {@code major} 0 means unknown: any described major.
     */
    static void checkName(Change change, String name, PostgresFdwOptions kind, int major, ValidationErrors errors) {
        checkName(change, "option '" + name + "'", name, kind, major, errors);
    }

    /** As {@link #checkName(Change, String, PostgresFdwOptions, int, ValidationErrors)}, with the subject's wording. */
    static void checkName(Change change, String subject, String name, PostgresFdwOptions kind, int major,
            ValidationErrors errors) {
        if (kind.isValid(name, major)) {
            return;
        }
        Optional<String> never = PostgresFdwOptions.neverReason(name);
        if (never.isPresent()) {
            errors.addError(ChangeMessages.format(change, subject + " cannot be set on any postgres_fdw object: "
                    + never.get() + "; remove the option."));
            return;
        }
        if (kind.isKnown(name)) {
            int since = kind.sinceMajor(name).getAsInt();
            errors.addError(ChangeMessages.format(change, subject + " needs PostgreSQL " + since
                    + " or later, the database is PostgreSQL " + major + "; remove the option or upgrade the server."));
            return;
        }
        for (PostgresFdwOptions other : PostgresFdwOptions.values()) {
            if (other != kind && other.isKnown(name)) {
                errors.addError(ChangeMessages.format(change, subject + " is a postgres_fdw " + other.object()
                        + " option, not a " + kind.object() + " option; set it with " + other.whereToSet() + "."));
                return;
            }
        }
        errors.addError(ChangeMessages.format(change, subject + " is not a postgres_fdw " + kind.object()
                + " option; valid options are " + String.join(", ", kind.names(major)) + "."));
    }

    /**
     * Adds one error per valueless, duplicate or (for postgres_fdw, {@code kind} not null) refused option of the
     * column {@code column}, each naming the column and the option.
     */
    public static void checkColumn(Change change, String column, List<FdwOption> options, PostgresFdwOptions kind,
            Database database, ValidationErrors errors) {
        Set<String> seen = new HashSet<>();
        for (FdwOption option : options) {
            String subject = "column '" + column + "' option '" + option.getName() + "'";
            if (option.getValue() == null || option.getValue().isBlank()) {
                errors.addError(ChangeMessages.format(change, subject + " has no value; give the remote column's name."));
            }
            if (!seen.add(option.getName())) {
                errors.addError(ChangeMessages.format(change, subject + " is given twice; keep one."));
            }
            if (kind != null) {
                checkName(change, subject, option.getName(), kind, major(database), errors);
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

    /** The connected server's major, or 0 when there is none to ask. */
    static int major(Database database) {
        try {
            return database == null ? 0 : database.getDatabaseMajorVersion();
        } catch (DatabaseException e) {
            return 0; // offline without a version: nothing to compare against
        }
    }
}
