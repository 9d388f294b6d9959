package liquibase.ext.fdw.diff;

import java.util.Objects;
import java.util.Set;
import liquibase.database.Database;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.compare.DatabaseObjectComparator;
import liquibase.diff.compare.DatabaseObjectComparatorChain;
import liquibase.ext.fdw.snapshot.FdwObject;
import liquibase.structure.DatabaseObject;

/**
 * Identity and differences of the extension's snapshot objects: the same object has the same type, name and schema
 * (names are compared exactly, as PostgreSQL does for quoted names); every other attribute (options, bound, server,
 * columns, parent, partition key) is a difference reported under its own name.
 */
public class FdwObjectComparator implements DatabaseObjectComparator {

    @Override
    public int getPriority(Class<? extends DatabaseObject> objectType, Database database) {
        return FdwObject.class.isAssignableFrom(objectType) ? PRIORITY_TYPE : PRIORITY_NONE;
    }

    @Override
    public boolean isSameObject(DatabaseObject databaseObject1, DatabaseObject databaseObject2, Database accordingTo,
            DatabaseObjectComparatorChain chain) {
        if (!(databaseObject1 instanceof FdwObject first) || !(databaseObject2 instanceof FdwObject second)
                || first.getClass() != second.getClass()) {
            return false;
        }
        return Objects.equals(first.getName(), second.getName())
                && (first.getSchemaName() == null || second.getSchemaName() == null
                        || first.getSchemaName().equals(second.getSchemaName()));
    }

    @Override
    public String[] hash(DatabaseObject databaseObject, Database accordingTo, DatabaseObjectComparatorChain chain) {
        return new String[] {databaseObject.getClass().getSimpleName() + ":" + databaseObject.getName()};
    }

    @Override
    public ObjectDifferences findDifferences(DatabaseObject databaseObject1, DatabaseObject databaseObject2,
            Database accordingTo, CompareControl compareControl, DatabaseObjectComparatorChain chain, Set<String> exclude) {
        exclude.add("name");
        exclude.add("schemaName");
        return chain.findDifferences(databaseObject1, databaseObject2, accordingTo, compareControl, exclude);
    }
}
