package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dependency levels: what may run in parallel, and in which order. */
class DependencyOrderTest {

    private static NodeDefinition node(String name, String... dependsOn) {
        return new NodeDefinition(name, null, null, null, null, null, name + ".yaml", null, null, null, Map.of(),
                List.of(dependsOn), 0);
    }

    private static List<List<String>> levels(NodeDefinition... nodes) {
        return DependencyOrder.levels(List.of(nodes)).stream().map(l -> l.stream().map(NodeDefinition::name).toList()).toList();
    }

    @Test
    void diamondChainAndIndependentNodes() {
        assertEquals(List.of(List.of("shard1", "shard2"), List.of("coordinator", "reports"), List.of("dashboard")),
                levels(node("dashboard", "coordinator", "reports"), node("coordinator", "shard1", "shard2"),
                        node("reports", "shard1"), node("shard1"), node("shard2")));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), levels(node("c", "b"), node("b", "a"), node("a")));
        assertEquals(List.of(List.of("x", "y", "z")), levels(node("x"), node("y"), node("z")));
    }

    @Test
    void dependenciesOutsideTheSelectionDoNotBlock() {
        assertEquals(List.of(List.of("coordinator")), levels(node("coordinator", "shard1", "shard2")));
    }
}
