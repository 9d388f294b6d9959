package liquibase.ext.fdw.topology;

import java.util.List;
import java.util.Map;

/**
 * One node as declared in the topology: where it is (or that it is embedded when {@code url} is null), how to log
 * in, which changelog it runs and which nodes must be updated before it.
 *
 * @param name node name, unique in the topology
 * @param url JDBC URL, or null for an embedded node
 * @param username login role; null means the embedded superuser
 * @param password password given directly (a property from the POM), or null
 * @param passwordEnv name of an environment variable holding the password, or null
 * @param serverId id of a settings.xml server holding username and password, or null
 * @param changeLogFile changelog path, relative to the changelog directory
 * @param contexts Liquibase contexts for this node, or null
 * @param labels Liquibase label expression for this node, or null
 * @param defaultSchemaName default schema, or null
 * @param properties changelog parameters for this node
 * @param dependsOn names of nodes updated before this one
 * @param line line of the declaration in the topology file (0 when declared elsewhere)
 */
public record NodeDefinition(String name, String url, String username, String password, String passwordEnv,
        String serverId, String changeLogFile, String contexts, String labels, String defaultSchemaName,
        Map<String, String> properties, List<String> dependsOn, int line) {

    public NodeDefinition {
        properties = Map.copyOf(properties);
        dependsOn = List.copyOf(dependsOn);
    }

    /** Whether the node is started locally from Maven artifacts instead of being reached by URL. */
    public boolean embedded() {
        return url == null;
    }

    @Override
    public String toString() {
        // Never print the password.
        return "node '" + name + "'" + (url == null ? " (embedded)" : " (" + url + ")");
    }
}
