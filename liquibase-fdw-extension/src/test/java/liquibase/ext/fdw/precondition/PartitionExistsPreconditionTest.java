package liquibase.ext.fdw.precondition;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching a catalog list bound against values PostgreSQL rendered one by one: any order, nothing more, nothing less. */
class PartitionExistsPreconditionTest {

    @Test
    void listValuesMatchInAnyOrderAndOnlyWhole() {
        assertTrue(PartitionExistsPrecondition.sameValues("FOR VALUES IN ('a, b', 'c')", Set.of("'c'", "'a, b'")));
        assertFalse(PartitionExistsPrecondition.sameValues("FOR VALUES IN ('a, b', 'c')", Set.of("'a'", "'b, c'")));
        assertFalse(PartitionExistsPrecondition.sameValues("FOR VALUES IN ('a, b', 'c')", Set.of("'a, b'")));
        assertFalse(PartitionExistsPrecondition.sameValues("FOR VALUES IN ('c')", Set.of("'c'", "'d'")));
        assertFalse(PartitionExistsPrecondition.sameValues("FOR VALUES IN (15)", Set.of("1")));
        assertTrue(PartitionExistsPrecondition.sameValues("FOR VALUES IN (NULL, 1.5, '-1')", Set.of("'-1'", "NULL", "1.5")));
        assertFalse(PartitionExistsPrecondition.sameValues("FOR VALUES FROM (1) TO (2)", Set.of("1")));
    }
}
