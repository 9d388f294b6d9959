package liquibase.ext.fdw.change;

import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.changelog.ChangeSet;
import liquibase.Scope;

/**
 * Builds validation messages that say where the problem is: change type, changelog file, changeset id and author,
 * followed by what is wrong with which attribute and how to fix it.
 */
public final class ChangeMessages {
    private ChangeMessages() {
    }

    /**
     * {@code "<changeType> in <file>::<id>::<author>: <detail>"}, or {@code "<changeType>: <detail>"} for a change
     * that belongs to no changeset.
     */
    public static String format(Change change, String detail) {
        return location(change) + ": " + detail;
    }

    /** The change type and, when known, the changeset it belongs to. */
    public static String location(Change change) {
        String name = Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(change).getName();
        ChangeSet changeSet = change.getChangeSet();
        if (changeSet == null) {
            return name;
        }
        return name + " in " + changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }
}
