package liquibase.ext.fdw.junit.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.NodeDefinition;

/**
 * What a test class asks for, read from its annotation; equal declarations share nodes when {@code shared} is set.
 *
 * @param topologyFile the topology file, or null when the nodes are inline
 * @param inlineNodes nodes declared in the annotation (empty with a file)
 * @param changeLogDirectory the directory of inline nodes' changelogs
 * @param postgresVersion the embedded major asked for, or null for the topology's
 * @param update whether the changelogs are applied
 * @param contexts Liquibase contexts, or null
 * @param properties changelog parameters for every node
 * @param source how the declaration is named in messages
 */
public record Declaration(Path topologyFile, List<NodeDefinition> inlineNodes, Path changeLogDirectory,
        Integer postgresVersion, boolean update, String contexts, Map<String, String> properties, String source) {

    public Declaration {
        inlineNodes = List.copyOf(inlineNodes);
        properties = Map.copyOf(properties);
    }

    /** What makes two declarations the same nodes: everything but the class that declares them. */
    public Object sharingKey() {
        return Arrays.asList(topologyFile, inlineNodes, changeLogDirectory, postgresVersion, update, contexts, properties);
    }
}
