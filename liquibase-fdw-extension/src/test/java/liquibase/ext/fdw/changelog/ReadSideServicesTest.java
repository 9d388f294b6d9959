package liquibase.ext.fdw.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import liquibase.Scope;
import liquibase.database.LiquibaseTableNamesFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.diff.compare.DatabaseObjectComparatorFactory;
import liquibase.diff.output.changelog.ChangeGeneratorFactory;
import liquibase.ext.fdw.snapshot.Partition;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.DatabaseObjectFactory;
import org.junit.jupiter.api.Test;

/**
 * Every read-side class registered in META-INF/services is seen by Liquibase's factories (a broken entry is only
 * logged by Liquibase, so it would silently switch the read side off).
 */
class ReadSideServicesTest {

    @Test
    void snapshotTypesAreStandardTypesAndParseFromDiffTypes() throws IOException {
        Set<String> registered = registered("liquibase.structure.DatabaseObject");
        assertEquals(Set.of("liquibase.ext.fdw.snapshot.Extension", "liquibase.ext.fdw.snapshot.ForeignServer",
                "liquibase.ext.fdw.snapshot.ForeignTable", "liquibase.ext.fdw.snapshot.Partition",
                "liquibase.ext.fdw.snapshot.UserMapping"), registered);
        assertTrue(names(DatabaseObjectFactory.getInstance().getStandardTypes()).containsAll(registered));
        assertEquals(registered, names(DatabaseObjectFactory.getInstance()
                .parseTypes("extensions,foreignservers,usermappings,foreigntables,partitions")));
    }

    @Test
    void snapshotGeneratorComparatorAndChangeGeneratorsAreInTheFactories() throws Exception {
        assertSeen("liquibase.snapshot.SnapshotGenerator", SnapshotGeneratorFactory.getInstance(), "generators");
        assertSeen("liquibase.diff.compare.DatabaseObjectComparator", DatabaseObjectComparatorFactory.getInstance(),
                "comparators");
        assertSeen("liquibase.diff.output.changelog.ChangeGenerator", ChangeGeneratorFactory.getInstance(), "generators");
    }

    @Test
    void ledgersAreLiquibaseTablesBesideCoreOnes() {
        // The factory keeps one implementation per order: ours must not push core's DATABASECHANGELOG out.
        assertEquals(List.of("databasechangelog", "databasechangeloglock", "fdw_atomic_decisions", "fdw_moved_partitions",
                "fdw_moved_rows", "fdw_retained_partitions"),
                Scope.getCurrentScope().getSingleton(LiquibaseTableNamesFactory.class)
                        .getLiquibaseTableNames(new PostgresDatabase()).stream().map(String::toLowerCase).sorted().toList());
    }

    @Test
    void comparatorDecidesIdentityOfPartitions() {
        Partition one = partition("sales", "p1");
        assertTrue(DatabaseObjectComparatorFactory.getInstance().isSameObject(one, partition("sales", "p1"), null,
                new PostgresDatabase()));
        assertEquals(false, DatabaseObjectComparatorFactory.getInstance().isSameObject(one, partition("other", "p1"),
                null, new PostgresDatabase()));
        assertEquals(false, DatabaseObjectComparatorFactory.getInstance().isSameObject(one, partition("sales", "P1"),
                null, new PostgresDatabase()));
    }

    private static Partition partition(String schema, String name) {
        Partition partition = new Partition();
        partition.setName(name);
        partition.setSchemaName(schema);
        return partition;
    }

    private static void assertSeen(String service, Object factory, String field) throws Exception {
        Set<String> registered = registered(service);
        assertTrue(registered.size() >= 1, service);
        Field list = factory.getClass().getDeclaredField(field);
        list.setAccessible(true);
        Set<String> seen = new TreeSet<>();
        synchronized (list.get(factory)) {
            for (Object o : (Collection<?>) list.get(factory)) {
                seen.add(o.getClass().getName());
            }
        }
        assertTrue(seen.containsAll(registered), "not seen: " + registered.stream().filter(n -> !seen.contains(n)).toList());
    }

    private static Set<String> registered(String service) throws IOException {
        try (InputStream in = ReadSideServicesTest.class.getResourceAsStream("/META-INF/services/" + service)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> names(Collection<? extends Class<?>> types) {
        return types.stream().map(Class::getName).filter(n -> n.startsWith("liquibase.ext.fdw."))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
