package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A foreign server's host, port and dbname find the topology node it points to; anything else finds none. */
class ServerConnectionsTest {
    private final NodeAddress shard2 = new NodeAddress("shard2", "jdbc:postgresql://127.0.0.1:5433/shard2", "127.0.0.1",
            5433, "shard2", "postgres", "secret-shard2");
    private final NodeAddress shard3 = new NodeAddress("shard3", "jdbc:postgresql://db3:5432/shard3", "db3", 5432,
            "shard3", "postgres", "secret-shard3");
    private final ServerConnections servers = new ServerConnections(List.of(shard2, shard3), null);

    @Test
    void findsTheNodeByHostPortAndDatabase() {
        assertEquals(shard2, servers.find(Map.of("server", "s2", "host", "127.0.0.1", "port", "5433", "dbname", "shard2")));
        assertEquals(shard2, servers.find(Map.of("server", "s2", "host", "localhost", "port", "5433", "dbname", "shard2")));
        assertEquals(shard3, servers.find(Map.of("server", "s3", "host", "DB3", "dbname", "shard3")));
    }

    @Test
    void findsNothingForAnotherPortDatabaseOrHost() {
        assertNull(servers.find(Map.of("server", "s2", "host", "127.0.0.1", "port", "5434", "dbname", "shard2")));
        assertNull(servers.find(Map.of("server", "s2", "host", "127.0.0.1", "port", "5433", "dbname", "shard1")));
        assertNull(servers.find(Map.of("server", "s3", "host", "db4", "dbname", "shard3")));
        assertNull(servers.find(Map.of("server", "s2", "host", "127.0.0.1", "port", "5433")));
    }
}
