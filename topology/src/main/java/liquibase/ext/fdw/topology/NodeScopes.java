package liquibase.ext.fdw.topology;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The Liquibase scope values under which one node's commands run: changelogs read from the changelog directory
 * (then the class path), and Liquibase's own log and console output sent to the topology log with the node's name.
 * Liquibase's scope manager is inheritable, so a worker thread started inside the run's scope sees it, and each
 * node's {@link Scope#child} stays on its own thread.
 */
final class NodeScopes {
    private final Path changeLogDirectory;
    private final TopologyLog log;
    private final ClassLoader classLoader;
    private final ServerConnections servers;

    /** {@code servers} (null: none) lets a node's changes connect to the nodes behind its foreign servers. */
    NodeScopes(Path changeLogDirectory, TopologyLog log, ClassLoader classLoader, ServerConnections servers) {
        this.changeLogDirectory = changeLogDirectory;
        this.log = log;
        this.classLoader = classLoader;
        this.servers = servers;
    }

    /** Scope values of the whole run, before any node runs: Liquibase's messages while connecting and locking. */
    Map<String, Object> run() {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.logService.name(), new NodeLogService("topology", log));
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        return scope;
    }

    /** Scope values for {@code node}'s commands. */
    Map<String, Object> node(String node) throws FileNotFoundException {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), new CompositeResourceAccessor(
                new DirectoryResourceAccessor(changeLogDirectory), new ClassLoaderResourceAccessor(classLoader)));
        scope.put(Scope.Attr.classLoader.name(), classLoader);
        scope.put(Scope.Attr.logService.name(), new NodeLogService(node, log));
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        if (servers != null) {
            scope.put(ServerConnections.SCOPE_KEY, servers);
        }
        return scope;
    }

    /** Runs {@code work} in {@code node}'s scope. */
    <T> T inNode(String node, Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        return Scope.child(node(node), work);
    }
}
