package liquibase.ext.fdw.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper of this build (shipped in the launcher's test-jar, not its main jar): nodes shared by every test in
 * one JVM, started on first use and stopped at exit, and the majors the build tests against. Tests isolate
 * themselves by creating a fresh database per test rather than a fresh server.
 */
public final class SharedNodes {
    /** System property listing the majors tests run against, e.g. {@code 14,15,16,17,18}. */
    public static final String TEST_MAJORS_PROPERTY = "fdw.test.majors";

    private static final Map<String, PostgresNode> NODES = new ConcurrentHashMap<>();
    private static final Path ROOT = createRoot();

    private SharedNodes() {
    }

    /** The shared node {@code name} of PostgreSQL {@code major}, started if needed. */
    public static PostgresNode node(int major, String name) {
        return NODES.computeIfAbsent(major + "/" + name, key -> NodeLauncher.start(
                NodeSpec.builder(name, ROOT.resolve(major + "-" + name)).major(major).build()));
    }

    /** The shared node {@code name} of the default major. */
    public static PostgresNode node(String name) {
        return node(PostgresBinaries.defaultMajor(), name);
    }

    /** The majors to test against: {@value #TEST_MAJORS_PROPERTY}, else every supported major. */
    public static List<Integer> testMajors() {
        String configured = System.getProperty(TEST_MAJORS_PROPERTY, "").trim();
        List<Integer> majors = new ArrayList<>();
        if (configured.isEmpty()) {
            majors.addAll(PostgresBinaries.supportedMajors());
        } else {
            for (String part : configured.split(",")) {
                try {
                    majors.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new NodeException("-D" + TEST_MAJORS_PROPERTY + "=" + configured + ": '" + part.trim()
                            + "' is not a PostgreSQL major; list majors like 14,17 (supported: "
                            + PostgresBinaries.supportedMajors() + ").", e);
                }
            }
        }
        return majors;
    }

    private static Path createRoot() {
        try {
            Path base = Paths.get(System.getProperty("java.io.tmpdir"));
            // Readable by others: where the server runs as an unprivileged account it must enter this directory.
            Path root = Files.createTempDirectory(base, "liquibase-fdw-nodes-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (PostgresNode node : NODES.values()) {
                    try {
                        node.stop();
                    } catch (RuntimeException ignored) {
                        // keep going
                    }
                }
                FileTrees.deleteQuietly(root);
            }, "liquibase-fdw-shared-nodes-cleanup"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
