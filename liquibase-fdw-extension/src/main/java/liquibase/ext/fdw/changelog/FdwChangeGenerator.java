package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.database.Database;
import liquibase.diff.output.changelog.AbstractChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;

/**
 * What every change generator of the extension shares: it answers for one object type on PostgreSQL only, at its
 * priority, ordered after and before the given types (Liquibase reads "no order" as {@code null}).
 */
abstract class FdwChangeGenerator extends AbstractChangeGenerator {
    private final Class<? extends DatabaseObject> objectType;
    private final int priority;
    private final List<Class<? extends DatabaseObject>> after;
    private final List<Class<? extends DatabaseObject>> before;

    FdwChangeGenerator(Class<? extends DatabaseObject> objectType, int priority,
            List<Class<? extends DatabaseObject>> after, List<Class<? extends DatabaseObject>> before) {
        this.objectType = objectType;
        this.priority = priority;
        this.after = after;
        this.before = before;
    }

    @Override
    public int getPriority(Class<? extends DatabaseObject> type, Database database) {
        return objectType.isAssignableFrom(type) && Generators.applies(database) ? priority : PRIORITY_NONE;
    }

    @Override
    public Class<? extends DatabaseObject>[] runAfterTypes() {
        return array(after);
    }

    @Override
    public Class<? extends DatabaseObject>[] runBeforeTypes() {
        return array(before);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends DatabaseObject>[] array(List<Class<? extends DatabaseObject>> types) {
        return types.isEmpty() ? null : types.toArray(new Class[0]);
    }
}
