package liquibase.ext.fdw.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import liquibase.ext.fdw.nodes.PostgresBinaries;
import liquibase.ext.fdw.topology.Credentials;
import liquibase.ext.fdw.topology.EmbeddedNodes;
import liquibase.ext.fdw.topology.ExternalNodes;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.Topology;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.TopologyLoader;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/** Parameters shared by every goal: the topology, node selection, embedded nodes and credentials. */
public abstract class AbstractTopologyMojo extends AbstractMojo {
    /** The topology file (YAML). Changelog paths in it are relative to its directory. */
    @Parameter(property = "fdw.topologyFile", defaultValue = "${project.basedir}/src/main/liquibase/topology.yaml")
    protected File topologyFile;

    /** Nodes declared in the POM instead of a topology file; each takes the keys of a topology file node. */
    @Parameter
    protected List<NodeConfig> nodes;

    /**
     * Directory the nodes' changelog paths are relative to; by default the topology file's directory, or
     * {@code src/main/liquibase} for nodes declared in the POM.
     */
    @Parameter(property = "fdw.changeLogDirectory")
    protected File changeLogDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** PostgreSQL major of embedded nodes; overrides the topology file's embedded.postgresVersion (default 17). */
    @Parameter(property = "fdw.postgresVersion")
    protected Integer postgresVersion;

    /** Comma-separated node names to run on (default: every node). */
    @Parameter(property = "fdw.nodes")
    protected String selectedNodes;

    /** Where embedded nodes keep their data, one directory per node. */
    @Parameter(property = "fdw.nodesDirectory", defaultValue = "${project.build.directory}/fdw/nodes")
    protected File nodesDirectory;

    /** Where SQL files and report.json are written. */
    @Parameter(property = "fdw.outputDirectory", defaultValue = "${project.build.directory}/fdw")
    protected File outputDirectory;

    /** Skips the goal. */
    @Parameter(property = "fdw.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    private List<RemoteRepository> remoteRepositories;

    @Component
    private SettingsDecrypter decrypter;

    @Component
    private RepositorySystem repositorySystem;

    private final Map<Integer, PostgresBinaries> binaries = new HashMap<>();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (fdw.skip)");
            return;
        }
        try {
            run(topology());
        } catch (TopologyException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The goal's work on a loaded, validated topology. */
    protected abstract void run(Topology topology) throws MojoExecutionException, MojoFailureException;

    Topology topology() {
        int defaultMajor = postgresVersion != null ? postgresVersion : PostgresBinaries.defaultMajor();
        Topology topology;
        if (nodes != null && !nodes.isEmpty()) {
            File directory = changeLogDirectory != null ? changeLogDirectory : new File(basedir, "src/main/liquibase");
            topology = new Topology("pom.xml <nodes>", directory.toPath().toAbsolutePath(), defaultMajor,
                    nodes.stream().map(NodeConfig::toDefinition).toList());
        } else {
            topology = TopologyLoader.load(topologyFile.toPath(), defaultMajor);
            if (changeLogDirectory != null) {
                topology = new Topology(topology.source(), changeLogDirectory.toPath().toAbsolutePath(),
                        topology.postgresVersion(), topology.nodes());
            }
        }
        if (!Files.isDirectory(topology.changeLogDirectory())) {
            throw new TopologyException(topology.source() + ": changelog directory " + topology.changeLogDirectory()
                    + " does not exist; set <changeLogDirectory> (-Dfdw.changeLogDirectory) to the directory of the changelogs.");
        }
        if (postgresVersion != null && postgresVersion != topology.postgresVersion()) {
            topology = new Topology(topology.source(), topology.changeLogDirectory(), postgresVersion, topology.nodes());
        }
        if (!PostgresBinaries.supportedMajors().contains(topology.postgresVersion())) {
            throw new TopologyException(topology.source() + ": embedded PostgreSQL " + topology.postgresVersion()
                    + " is not available; choose one of " + PostgresBinaries.supportedMajors() + ".");
        }
        return topology;
    }

    /** The nodes named by fdw.nodes, or all. */
    List<NodeDefinition> selected(Topology topology) {
        Set<String> names = new LinkedHashSet<>();
        if (selectedNodes != null) {
            for (String name : selectedNodes.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return topology.select(names);
    }

    /** Starts the embedded nodes (all of them: changelogs may refer to any node) and resolves the others. */
    Map<String, NodeAddress> addresses(Topology topology, EmbeddedNodes embedded, boolean keepRunning) {
        ExternalNodes external = new ExternalNodes(this::credentials, System.getenv());
        Map<String, NodeAddress> addresses = new LinkedHashMap<>();
        for (NodeDefinition node : topology.nodes()) {
            addresses.put(node.name(), node.embedded()
                    ? embedded.start(node, topology.postgresVersion(), keepRunning)
                    : external.resolve(node));
        }
        return addresses;
    }

    EmbeddedNodes embeddedNodes() {
        return new EmbeddedNodes(nodesDirectory.toPath(), this::binaries);
    }

    /** Liquibase changelog parameters given to every node, from a properties file and the POM. */
    Map<String, String> loadProperties(File propertyFile, Map<String, String> pomProperties) {
        Map<String, String> result = new LinkedHashMap<>();
        if (propertyFile != null) {
            Properties loaded = new Properties();
            try (InputStream in = Files.newInputStream(propertyFile.toPath())) {
                loaded.load(in);
            } catch (IOException e) {
                throw new TopologyException("Cannot read propertyFile " + propertyFile + ": " + e.getMessage(), e);
            }
            loaded.stringPropertyNames().forEach(name -> result.put(name, loaded.getProperty(name)));
        }
        if (pomProperties != null) {
            result.putAll(pomProperties);
        }
        return result;
    }

    private Credentials credentials(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return null;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        Server decrypted = result.getServer();
        return new Credentials(decrypted.getUsername(), decrypted.getPassword());
    }

    private PostgresBinaries binaries(int major) {
        return binaries.computeIfAbsent(major, m -> {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(PostgresBinaries.coordinates(m)),
                    remoteRepositories, null);
            try {
                File jar = repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile();
                return PostgresBinaries.fromJar(jar.toPath());
            } catch (ArtifactResolutionException e) {
                throw new TopologyException("Cannot resolve PostgreSQL " + m + " server binaries ("
                        + PostgresBinaries.coordinates(m) + "): " + e.getMessage(), e);
            }
        });
    }
}
