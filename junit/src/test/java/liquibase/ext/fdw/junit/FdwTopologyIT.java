package liquibase.ext.fdw.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A topology file with {@code update = true}: nodes injected into a field and a parameter, changelogs applied. */
@FdwTopology(value = "topology/topology.yaml", update = true)
class FdwTopologyIT {

    FdwNodes nodes;

    @Test
    void injectsTheSameNodesIntoFieldsAndParameters(FdwNodes parameter) {
        assertEquals(List.of("coordinator", "shard"), nodes.nodeNames());
        assertEquals(parameter.jdbcUrl("shard"), nodes.jdbcUrl("shard"));
        assertEquals(nodes.jdbcUrl("shard"), "jdbc:postgresql://" + nodes.properties().get("fdw.node.shard.host") + ":"
                + nodes.properties().get("fdw.node.shard.port") + "/" + nodes.properties().get("fdw.node.shard.dbname"));
        assertEquals(nodes.password("shard"), nodes.properties().get("fdw.node.shard.password"));
        assertEquals(nodes.username("coordinator"), nodes.properties().get("fdw.node.coordinator.username"));
    }

    @Test
    void aRowWrittenThroughTheCoordinatorLandsOnTheShard() throws SQLException {
        try (Connection c = nodes.dataSource("coordinator").getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO readings (k, note) VALUES (7, 'low'), (700, 'high')");
        }
        try (Connection c = nodes.dataSource("shard").getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT k, note FROM remote.readings_low WHERE note IN ('low', 'high')")) {
            assertTrue(rs.next());
            assertEquals(7, rs.getInt(1));
            assertEquals("low", rs.getString(2));
            assertTrue(!rs.next(), "only the row of the shard's range is on the shard");
        }
        try (Connection c = nodes.dataSource("coordinator").getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tableoid::regclass::text, k FROM readings WHERE note IN ('low', 'high') ORDER BY k")) {
            assertTrue(rs.next());
            assertEquals("readings_low", rs.getString(1));
            assertTrue(rs.next());
            assertEquals("readings_rest", rs.getString(1));
            assertEquals(700, rs.getInt(2));
        }
    }

    @Test
    void aDataSourceIsANewOneEachTimeOnTheSameNode() throws SQLException {
        assertSame(FdwNodes.class, nodes.getClass());
        try (Connection a = nodes.dataSource("shard").getConnection();
                Connection b = nodes.dataSource("shard").getConnection();
                Statement s = a.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals("shard", rs.getString(1));
            assertTrue(!b.isClosed());
        }
    }

    @Nested
    class NestedTests {
        @Test
        void useTheNodesOfTheEnclosingClass(FdwNodes parameter) {
            assertEquals(nodes.jdbcUrl("coordinator"), parameter.jdbcUrl("coordinator"));
            assertEquals(nodes.password("coordinator"), parameter.password("coordinator"));
        }
    }
}
