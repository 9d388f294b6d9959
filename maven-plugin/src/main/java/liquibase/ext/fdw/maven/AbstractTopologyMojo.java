package liquibase.ext.fdw.maven;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.nodes.PostgresBinaries;
import liquibase.ext.fdw.topology.Credentials;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.TopologyRequest;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Parameters shared by every goal: the topology, node selection, embedded nodes and credentials. A goal maps its
 * parameters onto a {@link TopologyRequest}, calls the {@link TopologyEngine} and words the engine's exceptions for
 * Maven ({@link MavenMessages}); it decides nothing else.
 */
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

    /** Seconds to wait for a node's TCP connection. */
    @Parameter(property = "fdw.connectTimeout", defaultValue = "10")
    protected int connectTimeout;

    /** Seconds to wait for a node to complete the login (a server that accepts TCP but never answers). */
    @Parameter(property = "fdw.loginTimeout", defaultValue = "30")
    protected int loginTimeout;

    /** Seconds to wait for any one answer of a node during the run; 0 waits forever. */
    @Parameter(property = "fdw.socketTimeout", defaultValue = "1800")
    protected int socketTimeout;

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
            run(new TopologyEngine(new MavenTopologyLog(getLog())));
        } catch (TopologyException e) {
            String message = MavenMessages.describe(e);
            // Maven repeats a cause whose message differs from the failure's; the engine's wording would come twice.
            throw message.equals(e.getMessage()) ? new MojoFailureException(message, e) : new MojoFailureException(message);
        }
    }

    /** The goal's work: build the request and hand it to the engine. */
    protected abstract void run(TopologyEngine engine) throws MojoExecutionException, MojoFailureException;

    /** A request for {@code goal} with the parameters every goal shares. */
    protected TopologyRequest.Builder request(Goal goal) {
        TopologyRequest.Builder request = TopologyRequest.builder(goal)
                .topologyFile(topologyFile.toPath())
                .changeLogDirectory(changeLogDirectory == null ? null : changeLogDirectory.toPath())
                .postgresVersion(postgresVersion)
                .nodes(selectedNodes)
                .nodesDirectory(nodesDirectory.toPath())
                .outputDirectory(outputDirectory.toPath())
                .timeouts(new TopologyRequest.Timeouts(connectTimeout, loginTimeout, socketTimeout))
                .credentials(this::credentials)
                .environment(System.getenv())
                .binaries(this::binaries);
        if (nodes != null && !nodes.isEmpty()) {
            request.inlineNodes(nodes.stream().map(NodeConfig::toDefinition).toList(), "pom.xml <nodes>",
                    new File(basedir, "src/main/liquibase").toPath());
        }
        return request;
    }

    /**
     * A settings.xml server's username and password, decrypted; a decryption problem fails the build, so that an
     * encrypted {@code {...}} value is never sent to a node as a password.
     */
    private Credentials credentials(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return null;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new TopologyException("settings.xml server '" + serverId + "': its password cannot be decrypted: "
                        + problem.getMessage() + "; check settings-security.xml (mvn --encrypt-master-password) or"
                        + " write the password in clear.");
            }
        }
        Server decrypted = result.getServer();
        String password = decrypted.getPassword();
        if (password != null && password.startsWith("{") && password.endsWith("}") && password.length() > 2) {
            throw new TopologyException("settings.xml server '" + serverId + "': its password is still encrypted"
                    + " after decryption; check settings-security.xml (mvn --encrypt-master-password).");
        }
        return new Credentials(decrypted.getUsername(), password);
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
