package liquibase.ext.fdw.topology;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A topology update in a JVM of its own, so that a test can stop that JVM in the middle of a changeset. Reads the
 * nodes from a properties file ({@code nodes}, {@code node.<name>.url|host|port|dbname|username|password},
 * {@code changeLogDirectory}, {@code atomic}) and prints the runner's log to standard output.
 */
public final class RunnerProcess {
    private RunnerProcess() {
    }

    public static void main(String[] args) throws IOException {
        Properties properties = new Properties();
        try (FileReader reader = new FileReader(args[0])) {
            properties.load(reader);
        }
        List<NodeDefinition> nodes = new ArrayList<>();
        Map<String, NodeAddress> addresses = new LinkedHashMap<>();
        for (String name : properties.getProperty("nodes").split(",")) {
            String prefix = "node." + name + ".";
            nodes.add(new NodeDefinition(name, properties.getProperty(prefix + "url"), null, null, null, null,
                    properties.getProperty(prefix + "changelog", "changelog.yaml"), null, null, null, Map.of(),
                    List.of(properties.getProperty(prefix + "dependsOn", "").split(",")).stream()
                            .filter(s -> !s.isBlank()).toList(), 0));
            addresses.put(name, new NodeAddress(name, properties.getProperty(prefix + "url"),
                    properties.getProperty(prefix + "host"), Integer.parseInt(properties.getProperty(prefix + "port")),
                    properties.getProperty(prefix + "dbname"), properties.getProperty(prefix + "username"),
                    properties.getProperty(prefix + "password")));
        }
        Topology topology = new Topology("interrupted run", Path.of(properties.getProperty("changeLogDirectory")), 17, nodes);
        TopologyLog log = new TopologyLog() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
                System.out.println(message);
                System.out.flush();
            }

            @Override
            public void warn(String message) {
                info(message);
            }

            @Override
            public void error(String message) {
                info(message);
            }
        };
        RunSettings settings = new RunSettings(Goal.UPDATE, null, null, nodes.size(), OnFailure.STOP, null, null, null,
                Path.of(properties.getProperty("changeLogDirectory")), Map.of(), false,
                Boolean.parseBoolean(properties.getProperty("atomic", "false")));
        new TopologyRunner(topology, addresses, log, TopologyRequest.Timeouts.DEFAULT).run(nodes, settings);
    }
}
