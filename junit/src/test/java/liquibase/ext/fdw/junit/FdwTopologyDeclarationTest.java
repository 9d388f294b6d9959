package liquibase.ext.fdw.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.junit.internal.Declaration;
import liquibase.ext.fdw.topology.NodeDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** How the annotation becomes a declaration, and the messages for a wrong one. */
class FdwTopologyDeclarationTest {

    @FdwTopology
    static class Neither {
    }

    @FdwTopology(value = "topology/topology.yaml", nodes = @FdwNode(name = "a"))
    static class Both {
    }

    @FdwTopology(nodes = {@FdwNode(name = "shard", changeLogFile = "shard/changelog.yaml"),
        @FdwNode(name = "prod", url = "jdbc:postgresql://db.example:5432/app", username = "app",
            passwordEnv = "APP_PASSWORD", dependsOn = "shard", properties = "region=eu")},
            changeLogDirectory = "topology", properties = {"a=1", "b=x=y"}, contexts = "test", postgresVersion = 16)
    static class Inline {
    }

    @FdwTopology(nodes = @FdwNode(name = "a"), properties = "=1")
    static class NamelessProperty {
    }

    @FdwTopology("no/such/topology.yaml")
    static class Missing {
    }

    @Test
    void inlineNodesKeepEveryKey() {
        Declaration d = FdwTopologyExtension.declaration(Inline.class.getAnnotation(FdwTopology.class), Inline.class);
        assertNull(d.topologyFile());
        assertEquals(Integer.valueOf(16), d.postgresVersion());
        assertEquals("test", d.contexts());
        assertEquals(Map.of("a", "1", "b", "x=y"), d.properties());
        List<NodeDefinition> nodes = d.inlineNodes();
        assertEquals(new NodeDefinition("shard", null, null, null, null, null, "shard/changelog.yaml", null, null, null,
                Map.of(), List.of(), 0), nodes.get(0));
        assertEquals(new NodeDefinition("prod", "jdbc:postgresql://db.example:5432/app", "app", null, "APP_PASSWORD",
                null, null, null, null, null, Map.of("region", "eu"), List.of("shard"), 0), nodes.get(1));
        assertEquals("topology", d.changeLogDirectory().getFileName().toString());
    }

    @Test
    void aFileOrNodesButNotBothNorNeither() {
        assertEquals("@FdwTopology on " + Neither.class.getName() + " names neither a topology file nor nodes; give"
                + " one of them: @FdwTopology(\"src/main/liquibase/topology.yaml\") or"
                + " @FdwTopology(nodes = @FdwNode(name = \"shard1\")).", message(Neither.class));
        assertEquals("@FdwTopology on " + Both.class.getName() + " names both a topology file and nodes; give"
                + " one of them: @FdwTopology(\"src/main/liquibase/topology.yaml\") or"
                + " @FdwTopology(nodes = @FdwNode(name = \"shard1\")).", message(Both.class));
    }

    @Test
    void aPropertyNeedsANameAndAFileMustExist() {
        assertEquals("@FdwTopology on " + NamelessProperty.class.getName() + ": property '=1' has no name; write"
                + " name=value.", message(NamelessProperty.class));
        assertEquals("@FdwTopology on " + Missing.class.getName() + ": topology file 'no/such/topology.yaml' is"
                + " neither a path relative to " + java.nio.file.Paths.get("").toAbsolutePath()
                + " nor a class-path resource in a directory.", message(Missing.class));
    }

    @Test
    void sharedDeclarationsAreTheSameWhateverClassDeclaresThem() {
        Declaration a = FdwTopologyExtension.declaration(Inline.class.getAnnotation(FdwTopology.class), Inline.class);
        Declaration b = FdwTopologyExtension.declaration(Inline.class.getAnnotation(FdwTopology.class), Neither.class);
        assertEquals(a.sharingKey(), b.sharingKey());
    }

    private static String message(Class<?> type) {
        return assertThrows(ExtensionConfigurationException.class,
                () -> FdwTopologyExtension.declaration(type.getAnnotation(FdwTopology.class), type)).getMessage();
    }
}
