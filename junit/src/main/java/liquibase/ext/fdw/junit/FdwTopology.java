package liquibase.ext.fdw.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a topology's PostgreSQL nodes for a JUnit 5 test class, optionally applies its changelogs, and injects
 * {@link FdwNodes} into fields and parameters of that type; everything started is stopped after the class (or at the
 * end of the test run with {@link #shared()}), also when a test or the start itself fails.
 *
 * <pre>{@code
 * @FdwTopology(value = "src/main/liquibase/topology.yaml", update = true)
 * class ShardingTest {
 *     @Test
 *     void rowLandsOnShard(FdwNodes nodes) throws SQLException {
 *         try (Connection c = nodes.dataSource("coordinator").getConnection()) { ... }
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FdwTopologyExtension.class)
public @interface FdwTopology {

    /**
     * The topology file: a path relative to the working directory (the module's directory under Maven), else a
     * class-path resource. Empty when the nodes are declared in {@link #nodes()}.
     */
    String value() default "";

    /** Nodes declared here instead of in a file; their changelogs are relative to {@link #changeLogDirectory()}. */
    FdwNode[] nodes() default {};

    /** The directory the changelogs of {@link #nodes()} are relative to (working directory, else class path). */
    String changeLogDirectory() default ".";

    /** Whether the changelogs are applied (the engine's {@code update}) before the first test. */
    boolean update() default false;

    /**
     * Whether the nodes are shared by every class of the test run that declares the same topology (started once,
     * stopped when the run ends) instead of being started for this class alone.
     */
    boolean shared() default false;

    /** The PostgreSQL major of embedded nodes; 0 keeps the topology's ({@code embedded.postgresVersion}). */
    int postgresVersion() default 0;

    /** Liquibase contexts for {@link #update()}; empty runs every changeset. */
    String contexts() default "";

    /** Changelog parameters for every node, as {@code name=value}. */
    String[] properties() default {};
}
