package liquibase.ext.fdw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.PostgresNode;

/**
 * {@code fdw:update} of the sample's three nodes against three sequential {@code liquibase:update} runs of the standard
 * liquibase-maven-plugin, each a real offline {@code mvn} process on a project generated under target/, resolving
 * from the private repository that the report profile fills with this build's plugin.
 */
final class MavenComparison {
    private static final long TIMEOUT_MINUTES = 10;

    private final Map<String, PostgresNode> nodes;
    private final Path project;
    private final Path repo;
    private final Path homeRepo;
    private final String mvn;
    private int runs;

    /** Results: real and no-op runs of each tool, in ms. */
    final List<Long> fdwReal = new ArrayList<>();
    final List<Long> fdwNoop = new ArrayList<>();
    final List<Long> liquibaseReal = new ArrayList<>();
    final List<Long> liquibaseNoop = new ArrayList<>();

    MavenComparison(Map<String, PostgresNode> nodes, Path project, Path repo, Path homeRepo, String mvn) {
        this.nodes = nodes;
        this.project = project;
        this.repo = repo;
        this.homeRepo = homeRepo;
        this.mvn = mvn;
    }

    /** The first line of {@code mvn -v}. */
    String mavenVersion() throws Exception {
        Path log = project.resolve("mvn-version.log");
        Process p = new ProcessBuilder(mvn, "-v").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return Files.readAllLines(log).stream().findFirst().orElse("?").replaceAll("\u001B\\[[;\\d]*m", "");
    }

    /** Writes the project: a pom with both plugins, the sample's changelogs, an empty settings file. */
    void generate(Path sample, String fdwVersion, String liquibaseVersion, String pgjdbcVersion) throws IOException {
        Path changelogs = project.resolve("liquibase");
        for (String dir : List.of("coordinator", "shard")) {
            Files.createDirectories(changelogs.resolve(dir));
            try (Stream<Path> files = Files.list(sample.resolve(dir))) {
                for (Path file : files.toList()) {
                    Files.copy(file, changelogs.resolve(dir).resolve(file.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // Third-party artifacts come from the user's repository, read as a file repository (releases only, so that
        // the shared SNAPSHOTs there never replace this build's, which invoker:install put into the private one).
        String home = homeRepo.toUri().toString();
        String repository = "<id>home</id><url>" + home + "</url><snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(project.resolve("settings.xml"), String.join("\n",
                "<settings>",
                "  <profiles>",
                "    <profile>",
                "      <id>home</id>",
                "      <repositories><repository>" + repository + "</repository></repositories>",
                "      <pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>",
                "    </profile>",
                "  </profiles>",
                "  <activeProfiles><activeProfile>home</activeProfile></activeProfiles>",
                "</settings>", ""));
        StringBuilder executions = new StringBuilder();
        for (String node : List.of("shard1", "shard2", "coordinator")) {
            boolean shard = node.startsWith("shard");
            String year = node.equals("shard1") ? "2016" : "2017";
            String next = node.equals("shard1") ? "2017" : "2018";
            executions.append("          <execution>\n            <id>").append(node).append("</id>\n")
                    .append("            <configuration>\n")
                    .append("              <url>${node.").append(node).append(".url}</url>\n")
                    .append("              <password>${env.").append(secret(node)).append("}</password>\n")
                    .append("              <changeLogFile>").append(shard ? "shard" : "coordinator").append("/changelog.yaml</changeLogFile>\n")
                    .append(shard ? "              <expressionVariables><shard.year>" + year + "</shard.year><shard.nextYear>"
                            + next + "</shard.nextYear></expressionVariables>\n" : shardPasswords())
                    .append("            </configuration>\n          </execution>\n");
        }
        String pom = String.join("\n",
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
                "  <modelVersion>4.0.0</modelVersion>",
                "  <groupId>bench</groupId>",
                "  <artifactId>fdw-vs-liquibase</artifactId>",
                "  <version>1.0</version>",
                "  <packaging>pom</packaging>",
                "  <build>",
                "    <plugins>",
                "      <plugin>",
                "        <groupId>io.github.lbfdw</groupId>",
                "        <artifactId>liquibase-fdw-maven-plugin</artifactId>",
                "        <version>" + fdwVersion + "</version>",
                "      </plugin>",
                "      <plugin>",
                "        <groupId>org.liquibase</groupId>",
                "        <artifactId>liquibase-maven-plugin</artifactId>",
                "        <version>" + liquibaseVersion + "</version>",
                "        <dependencies>",
                "          <dependency><groupId>io.github.lbfdw</groupId><artifactId>liquibase-fdw-extension</artifactId><version>"
                        + fdwVersion + "</version></dependency>",
                "          <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>"
                        + pgjdbcVersion + "</version></dependency>",
                "        </dependencies>",
                "        <configuration>",
                "          <searchPath>${project.basedir}/liquibase</searchPath>",
                "          <username>postgres</username>",
                "          <promptOnNonLocalDatabase>false</promptOnNonLocalDatabase>",
                "        </configuration>",
                "        <executions>",
                executions.toString(),
                "        </executions>",
                "      </plugin>",
                "    </plugins>",
                "  </build>",
                "</project>", "");
        Files.writeString(project.resolve("pom.xml"), pom);
    }

    /** One repetition: fresh databases, a real run and a no-op run of each tool (order alternating). */
    void repetition(String prefix, boolean fdwFirst, boolean record) throws Exception {
        if (fdwFirst) {
            fdw(prefix + "_f", record);
            liquibase(prefix + "_l", record);
        } else {
            liquibase(prefix + "_l", record);
            fdw(prefix + "_f", record);
        }
    }

    private void fdw(String set, boolean record) throws Exception {
        fresh(set);
        Path topology = project.resolve("liquibase").resolve("topology-" + set + ".yaml");
        StringBuilder yaml = new StringBuilder("nodes:\n");
        for (String node : List.of("coordinator", "shard1", "shard2")) {
            PostgresNode server = nodes.get(node);
            yaml.append("  ").append(node).append(":\n")
                    .append("    url: ").append(q(server.jdbcUrl(set + "_" + node))).append('\n')
                    .append("    username: ").append(q(server.username())).append('\n')
                    .append("    passwordEnv: ").append(secret(node)).append('\n');
            if (node.equals("coordinator")) {
                yaml.append("    changeLogFile: coordinator/changelog.yaml\n    dependsOn: [shard1, shard2]\n");
            } else {
                String year = node.equals("shard1") ? "2016" : "2017";
                String next = node.equals("shard1") ? "2017" : "2018";
                yaml.append("    changeLogFile: shard/changelog.yaml\n    properties: { shard.year: ").append(year)
                        .append(", shard.nextYear: ").append(next).append(" }\n");
            }
        }
        Files.writeString(topology, yaml.toString());
        long real = mvn(List.of("-Dfdw.topologyFile=" + topology, "fdw:update"));
        long noop = mvn(List.of("-Dfdw.topologyFile=" + topology, "fdw:update"));
        if (record) {
            fdwReal.add(real);
            fdwNoop.add(noop);
        }
        drop(set);
    }

    private void liquibase(String set, boolean record) throws Exception {
        fresh(set);
        List<String> properties = new ArrayList<>();
        for (String node : List.of("coordinator", "shard1", "shard2")) {
            PostgresNode server = nodes.get(node);
            properties.add("-Dnode." + node + ".url=" + server.jdbcUrl(set + "_" + node));
            properties.add("-Dfdw.node." + node + ".host=" + server.host());
            properties.add("-Dfdw.node." + node + ".port=" + server.port());
            properties.add("-Dfdw.node." + node + ".dbname=" + set + "_" + node);
            properties.add("-Dfdw.node." + node + ".username=" + server.username());
        }
        long real = 0;
        long noop = 0;
        for (String node : List.of("shard1", "shard2", "coordinator")) {
            List<String> args = new ArrayList<>(properties);
            args.add("liquibase:update@" + node);
            real += mvn(args);
        }
        for (String node : List.of("shard1", "shard2", "coordinator")) {
            List<String> args = new ArrayList<>(properties);
            args.add("liquibase:update@" + node);
            noop += mvn(args);
        }
        if (record) {
            liquibaseReal.add(real);
            liquibaseNoop.add(noop);
        }
        drop(set);
    }

    private void fresh(String set) throws Exception {
        for (Map.Entry<String, PostgresNode> node : nodes.entrySet()) {
            Bench.freshDatabase(node.getValue(), set + "_" + node.getKey());
        }
    }

    private void drop(String set) throws Exception {
        for (Map.Entry<String, PostgresNode> node : nodes.entrySet()) {
            node.getValue().dropDatabase(set + "_" + node.getKey());
        }
    }

    /** The environment variable that carries {@code node}'s password to the child builds. */
    private static String secret(String node) {
        return "BENCH_PASSWORD_" + node.toUpperCase(java.util.Locale.ROOT);
    }

    /** The coordinator's changelog reads the shards' passwords as changelog properties, as under fdw:update. */
    private static String shardPasswords() {
        StringBuilder vars = new StringBuilder("              <expressionVariables>");
        for (String shard : List.of("shard1", "shard2")) {
            vars.append("<fdw.node.").append(shard).append(".password>${env.").append(secret(shard))
                    .append("}</fdw.node.").append(shard).append(".password>");
        }
        return vars.append("</expressionVariables>\n").toString();
    }

    /** One offline mvn process; its wall time in ms, or an exception with the end of its log. */
    private long mvn(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-o", "-ntp", "-Daether.offline.protocols=file",
                "-Dmaven.repo.local=" + repo,
                "-s", project.resolve("settings.xml").toString(), "-f", project.resolve("pom.xml").toString()));
        command.addAll(args);
        Path log = project.resolve("mvn-" + (++runs) + ".log");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Passwords reach the child builds through their environment only, never a command line or a file.
        nodes.forEach((node, server) -> builder.environment().put(secret(node), server.password()));
        Process p = builder.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("mvn " + args.get(args.size() - 1) + " did not finish in " + TIMEOUT_MINUTES
                    + " minutes; see " + log);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            String errors = String.join(" ", lines.stream().filter(l -> l.contains("ERROR")).limit(3).toList());
            throw new IllegalStateException("mvn " + args.get(args.size() - 1) + " failed (" + log + "): " + errors);
        }
        return ms;
    }

    private static String q(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
