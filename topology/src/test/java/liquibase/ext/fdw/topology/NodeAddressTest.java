package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Node URLs are read with pgjdbc's own parser, so every URL the driver accepts works here too. */
class NodeAddressTest {

    @Test
    void multiHostUrlTakesTheFirstHost() {
        NodeAddress address = NodeAddress.fromUrl("shard1", "jdbc:postgresql://h1:5433,h2:5434/sales?targetServerType=primary",
                "app", "pw-12345");
        assertEquals("h1", address.host());
        assertEquals(5433, address.port());
        assertEquals("sales", address.dbname());
    }

    @Test
    void defaultsAndIpv6() {
        NodeAddress address = NodeAddress.fromUrl("n", "jdbc:postgresql://[::1]/", "app", null);
        assertEquals("[::1]", address.host());
        assertEquals(5432, address.port());
        assertEquals("app", address.dbname());
    }

    @Test
    void passwordInTheUrlIsUsedAndNeverShown() {
        NodeAddress address = NodeAddress.fromUrl("n", "jdbc:postgresql://h/db?user=app&password=Secret-42", null, null);
        assertEquals("app", address.username());
        assertEquals("Secret-42", address.password());
        assertEquals("n (jdbc:postgresql://h/db?user=app&password=********, user app)", address.toString());
    }

    @Test
    void notAPostgresUrl() {
        assertEquals("node 'n': url 'jdbc:mysql://h/db?password=********' is not a PostgreSQL JDBC URL; write"
                + " jdbc:postgresql://<host>:<port>/<database>.",
                assertThrows(InvalidArgumentException.class,
                        () -> NodeAddress.fromUrl("n", "jdbc:mysql://h/db?password=x", "app", null)).getMessage());
    }
}
