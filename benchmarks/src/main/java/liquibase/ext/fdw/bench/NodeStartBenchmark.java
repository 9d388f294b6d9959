package liquibase.ext.fdw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import liquibase.ext.fdw.nodes.NodeLauncher;
import liquibase.ext.fdw.nodes.NodeSpec;
import liquibase.ext.fdw.nodes.PostgresNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to bring up fresh nodes (new directories, binaries and template already cached): the wait a developer has
 * before an embedded topology or a test can connect.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(1)
public class NodeStartBenchmark {
    private Path root;
    private PostgresNode first;
    private PostgresNode second;

    @Setup(Level.Iteration)
    public void newDirectories() throws IOException {
        root = Files.createTempDirectory("fdw-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    /** One fresh node, connectable. */
    @Benchmark
    public PostgresNode oneNode() {
        first = NodeLauncher.start(NodeSpec.builder("bench", root.resolve("one")).database("bench").build());
        return first;
    }

    /** Two fresh nodes started one after the other, as a coordinator and a shard. */
    @Benchmark
    public PostgresNode twoNodes() {
        first = NodeLauncher.start(NodeSpec.builder("coordinator", root.resolve("c")).database("coordinator").build());
        second = NodeLauncher.start(NodeSpec.builder("shard", root.resolve("s")).database("shard").build());
        return second;
    }

    @TearDown(Level.Iteration)
    public void stopAndDelete() throws IOException {
        for (PostgresNode node : new PostgresNode[] {first, second}) {
            if (node != null) {
                node.stop();
            }
        }
        first = null;
        second = null;
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
