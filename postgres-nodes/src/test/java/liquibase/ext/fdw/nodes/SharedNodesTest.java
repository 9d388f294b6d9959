package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharedNodesTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(SharedNodes.TEST_MAJORS_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(SharedNodes.TEST_MAJORS_PROPERTY);
        } else {
            System.setProperty(SharedNodes.TEST_MAJORS_PROPERTY, before);
        }
    }

    @Test
    void readsTheConfiguredMajors() {
        System.setProperty(SharedNodes.TEST_MAJORS_PROPERTY, "14, 18");
        assertEquals(List.of(14, 18), SharedNodes.testMajors());
    }

    @Test
    void aMistypedMajorIsNamed() {
        System.setProperty(SharedNodes.TEST_MAJORS_PROPERTY, "14,l7");
        NodeException e = assertThrows(NodeException.class, SharedNodes::testMajors);
        assertEquals("-Dfdw.test.majors=14,l7: 'l7' is not a PostgreSQL major; list majors like 14,17 (supported: "
                + PostgresBinaries.supportedMajors() + ").", e.getMessage());
    }
}
