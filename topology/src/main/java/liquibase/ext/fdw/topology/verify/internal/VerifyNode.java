package liquibase.ext.fdw.topology.verify.internal;

import java.sql.Connection;

/**
 * A node as the checks see it: its name, the address the topology declares for it (an embedded node's is where it
 * was started) and an open, read-only connection.
 */
public record VerifyNode(String name, String host, int port, String dbname, Connection connection) {
}
