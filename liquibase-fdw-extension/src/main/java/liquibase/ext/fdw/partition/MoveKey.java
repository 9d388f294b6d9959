package liquibase.ext.fdw.partition;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;

/**
 * Which change moved rows out of the DEFAULT partition: its changeset's id and author. With the partition's name
 * it keys the record of the moved rows that the rollback puts back. The changelog's file name is left out on purpose:
 * an XML changelog and its YAML twin, or a file moved under a logicalFilePath, record the same way.
 */
public record MoveKey(String id, String author) {

    /** The key of {@code change}'s changeset; empty parts for a change outside any changeset. */
    public static MoveKey of(Change change) {
        ChangeSet changeSet = change.getChangeSet();
        if (changeSet == null) {
            return new MoveKey("", "");
        }
        return new MoveKey(String.valueOf(changeSet.getId()), String.valueOf(changeSet.getAuthor()));
    }
}
