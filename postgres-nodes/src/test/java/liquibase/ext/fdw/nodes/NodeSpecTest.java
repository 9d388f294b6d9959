package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NodeSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "max locks", "fsync=off -c x", "a;b", "9lives", "a.b.c"})
    void refusesWhatIsNotASettingName(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodeSpec.builder("n", Path.of("/tmp/n")).setting(name, "1"));
        assertEquals("Node 'n': '" + name + "' is not a PostgreSQL setting name (letters, digits, '_' and '.', e.g."
                + " max_locks_per_transaction).", e.getMessage());
    }

    @Test
    void acceptsCustomSettingsOfExtensions() {
        NodeSpec spec = NodeSpec.builder("n", Path.of("/tmp/n")).setting("postgres_fdw.application_name", "x")
                .setting("max_locks_per_transaction", "256").build();
        assertEquals("{postgres_fdw.application_name=x, max_locks_per_transaction=256}", spec.settings().toString());
    }

    @Test
    void eachSettingIsOneShellWordForPgCtl() {
        NodeSpec spec = NodeSpec.builder("n", Path.of("/tmp/n")).setting("cluster_name", "it's $HOME")
                .setting("fsync", "on").build();
        String options = NodeLauncher.serverOptions(spec, 5432);
        assertEquals("-p 5432 -c 'listen_addresses=127.0.0.1' -c 'unix_socket_directories=' -c 'max_connections=100'"
                + " -c 'shared_buffers=32MB' -c 'fsync=on' -c 'synchronous_commit=off' -c 'full_page_writes=off'"
                + " -c 'max_prepared_transactions=10' -c 'cluster_name=it'\\''s $HOME'", options);
    }
}
