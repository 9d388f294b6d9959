package liquibase.ext.fdw.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Testcontainers provider: each node a PostgreSQL container on one network. Skipped (Testcontainers' own
 * condition, checked before any node starts) where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
@FdwTopology(value = "topology/testcontainers.yaml", update = true)
class ContainerProviderIT {

    @Test
    void theCoordinatorReachesTheShardInsideTheNetworkWhileTheTestUsesTheMappedPort(FdwNodes nodes)
            throws SQLException {
        assertEquals("shard", nodes.properties().get("fdw.node.shard.host"));
        assertEquals("5432", nodes.properties().get("fdw.node.shard.port"));
        assertTrue(!nodes.jdbcUrl("shard").contains(":5432/"), nodes.jdbcUrl("shard"));
        try (Connection c = nodes.dataSource("coordinator").getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO readings (k, note) VALUES (7, 'through the network')");
        }
        try (Connection c = nodes.dataSource("shard").getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM remote.readings_low WHERE note = 'through the network'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
