package liquibase.ext.fdw.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts, finds and stops local PostgreSQL nodes. A node's directory keeps its data between runs; the first
 * start copies an initdb'd template cached per PostgreSQL version, so a node is up in well under a second.
 * Nodes listen on 127.0.0.1 only and require scram-sha-256 passwords over TCP, as a production server does.
 */
public final class NodeLauncher {

    private static final String NODE_FILE = "node.properties";
    private static final int START_ATTEMPTS = 3;
    private static final Set<PostgresNode> STOP_ON_EXIT = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> DEFAULT_SETTINGS = defaultSettings();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NodeLauncher::stopAllOnExit, "liquibase-fdw-nodes-stop"));
    }

    private NodeLauncher() {
    }

    /**
     * Starts the node described by {@code spec}, initialising its directory on first use. When the directory's
     * server is already running (started by an earlier run), the running node is returned untouched.
     */
    public static PostgresNode start(NodeSpec spec) {
        return start(spec, PostgresBinaries.forMajor(spec.major()));
    }

    /**
     * Starts the node with binaries the caller resolved itself (a build tool resolving the artifact from its
     * repositories); the spec's major is ignored in favour of the binaries' own.
     */
    public static PostgresNode start(NodeSpec spec, PostgresBinaries binaries) {
        try {
            Files.createDirectories(spec.directory());
            try (FileMutex ignored = FileMutex.acquire(spec.directory().resolve(".lock"))) {
                Path data = spec.directory().resolve("data");
                Properties state = readState(spec.directory());
                if (Files.isRegularFile(data.resolve("PG_VERSION"))) {
                    int dataMajor = Integer.parseInt(Files.readString(data.resolve("PG_VERSION")).trim());
                    if (dataMajor != binaries.major()) {
                        throw new NodeException("Node '" + spec.name() + "' in " + spec.directory()
                                + " holds PostgreSQL " + dataMajor + " data but PostgreSQL " + binaries.major()
                                + " was asked for; delete the directory or ask for " + dataMajor + ".");
                    }
                    if (isRunning(binaries, data)) {
                        return new PostgresNode(spec, binaries, Integer.parseInt(state.getProperty("port")),
                                state.getProperty("password"), false);
                    }
                } else {
                    initialise(spec, binaries, data, state);
                }
                PostgresNode node = startServer(spec, binaries, data, state);
                ensureDatabase(node);
                if (spec.stopOnExit()) {
                    STOP_ON_EXIT.add(node);
                }
                return node;
            }
        } catch (IOException e) {
            throw new NodeException("Could not start node '" + spec.name() + "' in " + spec.directory() + ": " + e, e);
        }
    }

    /** Whether the node kept in {@code directory} has a running server. */
    public static boolean isRunning(Path directory, int major) {
        return isRunning(directory, PostgresBinaries.forMajor(major));
    }

    /** Whether the node kept in {@code directory} has a running server, checked with the given binaries. */
    public static boolean isRunning(Path directory, PostgresBinaries binaries) {
        Path data = directory.toAbsolutePath().resolve("data");
        return Files.isRegularFile(data.resolve("PG_VERSION")) && isRunning(binaries, data);
    }

    /** Stops the server kept in {@code directory}, if one runs there. */
    public static void stop(Path directory, int major) {
        stop(directory, PostgresBinaries.forMajor(major));
    }

    /** Stops the server kept in {@code directory} with the given binaries, if one runs there. */
    public static void stop(Path directory, PostgresBinaries binaries) {
        Path data = directory.toAbsolutePath().resolve("data");
        if (Files.isRegularFile(data.resolve("PG_VERSION"))) {
            stopServer(binaries, data, directory.getFileName().toString());
        }
    }

    static void stop(PostgresNode node) {
        STOP_ON_EXIT.remove(node);
        stopServer(node.binaries(), node.directory().resolve("data"), node.name());
    }

    private static void stopServer(PostgresBinaries binaries, Path data, String name) {
        if (!isRunning(binaries, data)) {
            return;
        }
        ProcessResult result = exec(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                "-w", "-t", "30", "stop"), 60);
        if (result.exitCode != 0 && isRunning(binaries, data)) {
            killPostmaster(data);
        }
    }

    private static void initialise(NodeSpec spec, PostgresBinaries binaries, Path data, Properties state)
            throws IOException {
        Path template = template(binaries);
        FileTrees.deleteQuietly(data);
        FileTrees.copy(template, data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        ServerUser.current().giveToServer(data);
        state.setProperty("password", Files.readString(template.resolveSibling(template.getFileName() + ".password")).trim());
        state.setProperty("newPassword", randomPassword());
        state.setProperty("major", Integer.toString(binaries.major()));
    }

    private static PostgresNode startServer(NodeSpec spec, PostgresBinaries binaries, Path data, Properties state)
            throws IOException {
        String failure = "";
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = spec.port() != 0 ? spec.port()
                    : state.getProperty("port") != null && attempt == 1 ? Integer.parseInt(state.getProperty("port"))
                    : freePort();
            List<String> command = new ArrayList<>(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(),
                    "-l", data.resolve("server.log").toString(), "-w", "-t", "60", "-o", serverOptions(spec, port),
                    "start"));
            ProcessResult result = exec(command, 90);
            if (result.exitCode == 0) {
                state.setProperty("port", Integer.toString(port));
                PostgresNode node = new PostgresNode(spec, binaries, port, state.getProperty("password"), true);
                rotatePassword(node, state);
                writeState(spec.directory(), state);
                return new PostgresNode(spec, binaries, port, state.getProperty("password"), true);
            }
            failure = result.output + "\n" + tail(data.resolve("server.log"));
            if (!failure.contains("could not bind") && !failure.contains("Address already in use")) {
                break;
            }
        }
        throw new NodeException("PostgreSQL " + binaries.version() + " node '" + spec.name() + "' did not start ("
                + ServerUser.current().describe() + "):\n" + failure.trim());
    }

    /** The template carries a shared password; each node replaces it with its own before anyone connects. */
    private static void rotatePassword(PostgresNode node, Properties state) throws IOException {
        String next = state.getProperty("newPassword");
        if (next == null) {
            return;
        }
        try (Connection c = node.connect("postgres", PostgresNode.SUPERUSER, state.getProperty("password"));
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + PostgresNode.SUPERUSER + " PASSWORD '" + next + "'");
        } catch (SQLException e) {
            throw new IOException("could not give the node its own superuser password (" + e.getMessage() + ")", e);
        }
        state.setProperty("password", next);
        state.remove("newPassword");
    }

    private static String serverOptions(NodeSpec spec, int port) {
        Map<String, String> settings = new LinkedHashMap<>(DEFAULT_SETTINGS);
        settings.putAll(spec.settings());
        StringBuilder sb = new StringBuilder("-p ").append(port);
        settings.forEach((k, v) -> sb.append(" -c ").append(k).append("='").append(v.replace("'", "")).append('\''));
        return sb.toString();
    }

    private static Map<String, String> defaultSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("listen_addresses", PostgresNode.HOST);
        s.put("unix_socket_directories", "");
        s.put("max_connections", "100");
        s.put("shared_buffers", "32MB");
        // Local nodes are disposable: durability costs time and buys nothing here.
        s.put("fsync", "off");
        s.put("synchronous_commit", "off");
        s.put("full_page_writes", "off");
        s.put("max_prepared_transactions", "10");
        return s;
    }

    /** initdb once per PostgreSQL version; nodes start from a copy. */
    private static Path template(PostgresBinaries binaries) throws IOException {
        Path template = binaries.home().resolveSibling("template-" + binaries.version());
        Path passwordFile = template.resolveSibling(template.getFileName() + ".password");
        if (Files.isRegularFile(template.resolve(".complete"))) {
            return template;
        }
        try (FileMutex ignored = FileMutex.acquire(binaries.home().resolveSibling("template-" + binaries.version() + ".lock"))) {
            if (Files.isRegularFile(template.resolve(".complete"))) {
                return template;
            }
            FileTrees.deleteQuietly(template);
            Path work = Files.createTempDirectory(template.getParent(), "initdb");
            ServerUser.current().openDirectoryForServer(work);
            Path pwfile = work.resolve("pw");
            String password = randomPassword();
            Files.writeString(pwfile, password + "\n");
            ServerUser.current().giveToServer(work);
            Path data = work.resolve("data");
            ProcessResult result = exec(List.of(binaries.bin("initdb").toString(), "-D", data.toString(),
                    "-U", PostgresNode.SUPERUSER, "--pwfile=" + pwfile, "--auth-local=trust",
                    "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"), 300);
            if (result.exitCode != 0) {
                FileTrees.deleteQuietly(work);
                throw new NodeException("initdb of PostgreSQL " + binaries.version() + " failed ("
                        + ServerUser.current().describe() + "):\n" + result.output.trim());
            }
            Files.writeString(data.resolve(".complete"), binaries.version());
            Files.writeString(passwordFile, password);
            Files.move(data, template);
            FileTrees.deleteQuietly(work);
            return template;
        }
    }

    private static void ensureDatabase(PostgresNode node) throws IOException {
        if (!node.database().equals("postgres")) {
            try {
                createDatabaseIfMissing(node, node.database());
            } catch (SQLException e) {
                throw new IOException("could not create database " + node.database() + ": " + e.getMessage(), e);
            }
        }
    }

    static void createDatabaseIfMissing(PostgresNode node, String name) throws SQLException {
        try (Connection c = node.connect("postgres", PostgresNode.SUPERUSER, node.password())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }

    static void dropDatabase(PostgresNode node, String name) throws SQLException {
        try (Connection c = node.connect("postgres", PostgresNode.SUPERUSER, node.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name.replace("\"", "\"\"") + "\" WITH (FORCE)");
        }
    }

    private static boolean isRunning(PostgresBinaries binaries, Path data) {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return false;
        }
        return exec(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(), "status"), 30).exitCode == 0;
    }

    private static void killPostmaster(Path data) {
        try {
            String first = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
            ProcessHandle.of(Long.parseLong(first)).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException ignored) {
            // the server is gone already
        }
    }

    private static void stopAllOnExit() {
        for (PostgresNode node : STOP_ON_EXIT.toArray(new PostgresNode[0])) {
            try {
                node.stop();
            } catch (RuntimeException ignored) {
                // keep stopping the others
            }
        }
    }

    private static Properties readState(Path directory) throws IOException {
        Properties p = new Properties();
        Path file = directory.resolve(NODE_FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void writeState(Path directory, Properties state) throws IOException {
        Path file = directory.resolve(NODE_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            state.store(out, "liquibase-fdw node state (the password is secret)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(PostgresNode.HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static ProcessResult exec(List<String> command, int timeoutSeconds) {
        List<String> wrapped = ServerUser.current().wrap(command);
        try {
            Process p = new ProcessBuilder(wrapped).redirectErrorStream(true).start();
            p.getOutputStream().close();
            // Read output on this thread; pg_ctl closes its output once the server has detached.
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ProcessResult(-1, "timed out after " + timeoutSeconds + "s: " + String.join(" ", command));
            }
            return new ProcessResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new ProcessResult(-1, "could not run " + String.join(" ", wrapped) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessResult(-1, "interrupted: " + String.join(" ", command));
        }
    }

    private static final class ProcessResult {
        final int exitCode;
        final String output;

        ProcessResult(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
