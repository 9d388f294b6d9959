package liquibase.ext.fdw.change;

import java.util.Objects;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.ext.fdw.change.createpartitionedtable.CreatePartitionedTableChange;
import liquibase.ext.fdw.partition.internal.BoundCheck;

/**
 * Finds the createPartitionedTable of a parent in the change's own changelog, before the change, so a bound can be
 * checked against the key's real type before the parent exists.
 */
final class ParentInChangelog {
    private ParentInChangelog() {
    }

    /** The parent's definition source, or null when the changelog does not create it before {@code change}. */
    static BoundCheck.TwinSource find(Change change, String schema, String table) {
        ChangeSet own = change.getChangeSet();
        DatabaseChangeLog changeLog = own == null ? null : own.getChangeLog();
        if (changeLog == null || table == null) {
            return null;
        }
        CreatePartitionedTableChange found = null;
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            for (Change candidate : changeSet.getChanges()) {
                if (candidate == change) {
                    return found == null ? null : found::twinDefinition;
                }
                if (candidate instanceof CreatePartitionedTableChange create && table.equals(create.getTableName())
                        && Objects.equals(schema, create.getSchemaName())) {
                    found = create;
                }
            }
        }
        return null;
    }
}
