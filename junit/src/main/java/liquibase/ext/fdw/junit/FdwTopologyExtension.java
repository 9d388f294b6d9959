package liquibase.ext.fdw.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.junit.internal.Declaration;
import liquibase.ext.fdw.junit.internal.RunningTopology;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.TopologyLog;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The extension behind {@link FdwTopology}: starts the nodes before the class's first test, injects
 * {@link FdwNodes} into fields (static ones before {@code @BeforeAll}) and parameters, and stops the nodes through
 * the {@link ExtensionContext.Store}: with the class's store after the class, with the root store at the end of the
 * run when shared.
 */
public final class FdwTopologyExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FdwTopologyExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        FdwNodes nodes = nodes(context);
        for (Field field : fields(context.getRequiredTestClass(), true)) {
            field.setAccessible(true);
            field.set(null, nodes);
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        FdwNodes nodes = nodes(context);
        for (Field field : fields(testInstance.getClass(), false)) {
            field.setAccessible(true);
            field.set(testInstance, nodes);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FdwNodes.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return nodes(context);
    }

    /** The running nodes of the class's declaration, started on first use. */
    private static FdwNodes nodes(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> owner = owner(classContext.getRequiredTestClass());
        FdwTopology annotation = AnnotationSupport.findAnnotation(owner, FdwTopology.class).orElseThrow();
        // @Nested classes use the nodes of the class that declares the topology.
        ExtensionContext ownerContext = classContext;
        while (ownerContext.getTestClass().map(c -> c != owner).orElse(false) && ownerContext.getParent().isPresent()) {
            ownerContext = ownerContext.getParent().get();
        }
        Declaration declaration = declaration(annotation, owner);
        ExtensionContext.Store store = annotation.shared()
                ? context.getRoot().getStore(NAMESPACE) : ownerContext.getStore(NAMESPACE);
        Object key = annotation.shared() ? declaration.sharingKey() : owner;
        TopologyLog log = new StandardOutLog(owner.getSimpleName());
        // The store computes a key's value once, also under parallel execution; other keys start meanwhile.
        RunningTopology running = store.getOrComputeIfAbsent(key, k -> new RunningTopology(declaration, log),
                RunningTopology.class);
        return new FdwNodes(running.addresses(), running.properties());
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** The test class or the enclosing class that carries {@link FdwTopology} (inherited ones count). */
    private static Class<?> owner(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, FdwTopology.class)) {
                return c;
            }
        }
        throw new ExtensionConfigurationException(testClass.getName() + " uses FdwTopologyExtension without"
                + " @FdwTopology; annotate the class with @FdwTopology(\"path/to/topology.yaml\").");
    }

    static Declaration declaration(FdwTopology annotation, Class<?> testClass) {
        boolean file = !annotation.value().isBlank();
        if (file == (annotation.nodes().length > 0)) {
            throw new ExtensionConfigurationException("@FdwTopology on " + testClass.getName() + " names "
                    + (file ? "both a topology file and nodes" : "neither a topology file nor nodes")
                    + "; give one of them: @FdwTopology(\"src/main/liquibase/topology.yaml\") or"
                    + " @FdwTopology(nodes = @FdwNode(name = \"shard1\")).");
        }
        Integer major = annotation.postgresVersion() == 0 ? null : annotation.postgresVersion();
        String contexts = annotation.contexts().isBlank() ? null : annotation.contexts();
        Map<String, String> properties = properties(annotation.properties(), testClass);
        if (file) {
            Path topology = locate(annotation.value(), testClass, "topology file");
            return new Declaration(topology, List.of(), topology.getParent(), major, annotation.update(), contexts,
                    properties, topology.toString());
        }
        List<NodeDefinition> nodes = new ArrayList<>();
        for (FdwNode node : annotation.nodes()) {
            nodes.add(new NodeDefinition(node.name(), blankToNull(node.url()), blankToNull(node.username()), null,
                    blankToNull(node.passwordEnv()), null, blankToNull(node.changeLogFile()), null, null, null,
                    properties(node.properties(), testClass), Arrays.asList(node.dependsOn()), 0));
        }
        Path directory = locate(annotation.changeLogDirectory(), testClass, "changeLogDirectory");
        return new Declaration(null, nodes, directory, major, annotation.update(), contexts, properties,
                "@FdwTopology on " + testClass.getName());
    }

    /** A path relative to the working directory, else a class-path resource (a directory of test classes). */
    private static Path locate(String value, Class<?> testClass, String what) {
        Path path = Paths.get(value);
        if (Files.exists(path)) {
            return path.toAbsolutePath().normalize();
        }
        URL resource = testClass.getClassLoader().getResource(value.startsWith("/") ? value.substring(1) : value);
        if (resource != null && "file".equals(resource.getProtocol())) {
            try {
                return Paths.get(resource.toURI());
            } catch (URISyntaxException e) {
                // fall through to the message
            }
        }
        throw new ExtensionConfigurationException("@FdwTopology on " + testClass.getName() + ": " + what + " '"
                + value + "' is neither a path relative to " + Paths.get("").toAbsolutePath()
                + " nor a class-path resource in a directory.");
    }

    private static Map<String, String> properties(String[] entries, Class<?> testClass) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("@FdwTopology on " + testClass.getName() + ": property '"
                        + entry + "' has no name; write name=value.");
            }
            result.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return result;
    }

    private static List<Field> fields(Class<?> testClass, boolean statics) {
        return ReflectionSupport.findFields(testClass, f -> f.getType() == FdwNodes.class
                && Modifier.isStatic(f.getModifiers()) == statics && !Modifier.isFinal(f.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The engine's progress lines (already masked) on standard output, prefixed with the test class. */
    private record StandardOutLog(String prefix) implements TopologyLog {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
            System.out.println("[" + prefix + "] " + message);
        }

        @Override
        public void warn(String message) {
            System.out.println("[" + prefix + "] WARNING " + message);
        }

        @Override
        public void error(String message) {
            System.out.println("[" + prefix + "] ERROR " + message);
        }
    }
}
