package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The topology core stays free of Maven types, so it can run under any build tool or none. */
class ArchitectureTest {

    @Test
    void topologyPackageImportsNoMavenTypes() throws IOException {
        Path sources = Path.of("src", "main", "java", "liquibase", "ext", "fdw", "topology");
        List<String> offenders;
        List<Path> files;
        try (Stream<Path> walk = Files.list(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 20, "the topology sources were not found under " + sources.toAbsolutePath());
        offenders = files.stream().filter(ArchitectureTest::usesMaven).map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of(), offenders);
    }

    private static boolean usesMaven(Path file) {
        try {
            return Files.readString(file).contains("org.apache.maven");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
