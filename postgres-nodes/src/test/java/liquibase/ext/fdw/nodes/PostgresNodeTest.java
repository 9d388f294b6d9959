package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresNodeTest {

    @Test
    void aNodeThatAcceptsButNeverAnswersFailsTheLoginInsteadOfHanging() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName(PostgresNode.HOST))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accepted, never answered
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PostgresNode node = new PostgresNode(NodeSpec.builder("silent", Path.of("/tmp/silent")).build(), null,
                    silent.getLocalPort(), "secret", false);

            // Far above the 2 s login timeout, far below forever.
            SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(SQLException.class,
                    () -> node.connect("postgres", PostgresNode.SUPERUSER, "secret", 2).close()));
            assertEquals("08001", e.getSQLState(), e.getMessage());
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
