package liquibase.ext.fdw.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts, finds and stops local PostgreSQL nodes. A node's directory keeps its data between runs; the first
 * start copies an initdb'd template cached per PostgreSQL version, so a node is up in well under a second.
 * Nodes listen on 127.0.0.1 only and require scram-sha-256 passwords over TCP, as a production server does.
 *
 * <p>Server settings beyond the defaults (which include {@code max_prepared_transactions=10}) are given per
 * node and passed to the server as {@code -c name=value}:
 * <pre>{@code
 * NodeLauncher.start(NodeSpec.builder("coordinator", dir)
 *         .setting("max_prepared_transactions", "50")
 *         .setting("max_locks_per_transaction", "256")
 *         .build());
 * }</pre>
 * A node found already running keeps the settings it was started with; when they differ from the ones asked
 * for, {@link #start(NodeSpec)} fails with a message saying so rather than hand out a node without them.
 *
 * <p>Every server program (initdb, pg_ctl) runs with a deadline and is killed, with the processes it started,
 * when it passes it; a server that started but could not be made ready (password, database) is stopped again.
 * A {@code postmaster.pid} left by a crash whose process number now belongs to another program is removed.
 * Nodes trade durability for speed ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off):
 * a crashed server recovers, but may lose the transactions of its last second unless they ran with
 * {@code SET synchronous_commit = on}; the launcher's own changes (password, database) do.
 */
public final class NodeLauncher {

    private static final String NODE_FILE = "node.properties";
    private static final int START_ATTEMPTS = 3;
    private static final Set<PostgresNode> STOP_ON_EXIT = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> DEFAULT_SETTINGS = defaultSettings();
    private static final String SETTINGS_STATE = "settings";

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
                    requireState(spec, state);
                    if (isRunning(binaries, data)) {
                        checkSettings(spec, state);
                        return new PostgresNode(spec, binaries, runningPort(state, data),
                                state.getProperty("password"), false);
                    }
                } else {
                    initialise(spec, binaries, data, state);
                }
                PostgresNode node = startServer(spec, binaries, data, state);
                try {
                    ensureDatabase(node);
                } catch (IOException | RuntimeException e) {
                    stopAfterFailure(binaries, data, spec.name(), e);
                    throw e;
                }
                if (spec.stopOnExit()) {
                    STOP_ON_EXIT.add(node);
                }
                return node;
            }
        } catch (IOException e) {
            throw new NodeException("Could not start node '" + spec.name() + "' in " + spec.directory() + ": " + e.getMessage(), e);
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
        Exec.Result result = exec(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                "-w", "-t", "30", "stop"), 60);
        if (!result.ok() && isRunning(binaries, data)) {
            killPostmaster(data);
        }
    }

    /** Stops a server this call started but could not finish preparing, so no orphan outlives the failure. */
    private static void stopAfterFailure(PostgresBinaries binaries, Path data, String name, Exception failure) {
        try {
            stopServer(binaries, data, name);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Without its state file a node's password is lost: say so instead of failing to log in later. */
    private static void requireState(NodeSpec spec, Properties state) {
        if (state.getProperty("password") == null) {
            throw new NodeException("Node '" + spec.name() + "' in " + spec.directory() + " has data but its "
                    + NODE_FILE + " (superuser password) is missing or incomplete; stop its server if one"
                    + " runs (pg_ctl -D " + spec.directory().resolve("data") + " stop) and delete the directory to"
                    + " start afresh.");
        }
    }

    /** The port in the state file, else the one the server wrote into {@code postmaster.pid} (its 4th line). */
    private static int runningPort(Properties state, Path data) throws IOException {
        String port = state.getProperty("port");
        if (port == null) {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            port = lines.size() > 3 ? lines.get(3).trim() : "";
        }
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IOException("no port recorded in " + NODE_FILE + " nor in postmaster.pid", e);
        }
    }

    /** A running node keeps its settings: refuse to hand it out as if it had the ones asked for. */
    private static void checkSettings(NodeSpec spec, Properties state) {
        String recorded = state.getProperty(SETTINGS_STATE);
        String asked = describeSettings(spec.settings());
        if (recorded != null && !recorded.equals(asked)) {
            throw new NodeException("Node '" + spec.name() + "' in " + spec.directory() + " is running with server"
                    + " settings " + recorded + " but " + asked + " was asked for; stop the node (its data stays)"
                    + " and start it again.");
        }
    }

    private static String describeSettings(Map<String, String> settings) {
        return new TreeMap<>(settings).toString();
    }

    private static void initialise(NodeSpec spec, PostgresBinaries binaries, Path data, Properties state)
            throws IOException {
        Path template = template(binaries);
        // Copied beside and moved into place: a copy cut short (a killed build) must not look like a cluster.
        Path partial = data.resolveSibling(data.getFileName() + ".partial");
        FileTrees.deleteQuietly(partial);
        FileTrees.deleteQuietly(data);
        FileTrees.copy(template, partial);
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwx------"));
        ServerUser.current().giveToServer(partial);
        state.setProperty("password", Files.readString(template.resolveSibling(template.getFileName() + ".password")).trim());
        state.setProperty("newPassword", randomPassword());
        state.setProperty("major", Integer.toString(binaries.major()));
        // Written before the server first starts, so a run killed in between still knows the password.
        writeState(spec.directory(), state);
        Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
    }

    private static PostgresNode startServer(NodeSpec spec, PostgresBinaries binaries, Path data, Properties state)
            throws IOException {
        String failure = "";
        removeStalePidFile(binaries, data);
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = spec.port() != 0 ? spec.port()
                    : state.getProperty("port") != null && attempt == 1 ? Integer.parseInt(state.getProperty("port"))
                    : freePort();
            List<String> command = new ArrayList<>(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(),
                    "-l", data.resolve("server.log").toString(), "-w", "-t", "60", "-o", serverOptions(spec, port),
                    "start"));
            Exec.Result result = exec(command, 90);
            if (result.ok()) {
                try {
                    state.setProperty("port", Integer.toString(port));
                    PostgresNode node = new PostgresNode(spec, binaries, port, state.getProperty("password"), true);
                    rotatePassword(node, state);
                    state.setProperty(SETTINGS_STATE, describeSettings(spec.settings()));
                    writeState(spec.directory(), state);
                    return new PostgresNode(spec, binaries, port, state.getProperty("password"), true);
                } catch (IOException | RuntimeException e) {
                    stopAfterFailure(binaries, data, spec.name(), e);
                    throw e;
                }
            }
            // pg_ctl gives up waiting but leaves a slow server starting: stop it before trying again or failing.
            stopServer(binaries, data, spec.name());
            String log = tail(data.resolve("server.log"));
            failure = result.failure() + (log.isEmpty() ? "" : "\nserver.log:\n" + log);
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
            // Nodes run with synchronous_commit off: a crash soon after would lose the new password while the
            // state file already holds it, locking everyone out of the node for good.
            s.execute("SET synchronous_commit = on");
            s.execute("ALTER ROLE " + PostgresNode.SUPERUSER + " PASSWORD '" + next + "'");
        } catch (SQLException e) {
            // A run killed after the change and before saving it left the server with the new password already.
            if (!"28P01".equals(e.getSQLState()) || !alreadyRotated(node, next)) {
                throw new IOException("could not give the node its own superuser password (" + e.getMessage() + ")", e);
            }
        }
        state.setProperty("password", next);
        state.remove("newPassword");
    }

    private static boolean alreadyRotated(PostgresNode node, String next) {
        try (Connection c = node.connect("postgres", PostgresNode.SUPERUSER, next)) {
            return true;
        } catch (SQLException e) {
            return false; // neither password is in force: the first failure is the one to report
        }
    }

    /**
     * The options pg_ctl hands to the server. pg_ctl pastes them into a {@code /bin/sh} command line, so each
     * {@code name=value} is one shell-quoted word: a value keeps its quotes, spaces and dollar signs as written.
     */
    static String serverOptions(NodeSpec spec, int port) {
        Map<String, String> settings = new LinkedHashMap<>(DEFAULT_SETTINGS);
        settings.putAll(spec.settings());
        StringBuilder sb = new StringBuilder("-p ").append(port);
        settings.forEach((k, v) -> sb.append(" -c ").append(shellQuote(k + "=" + v)));
        return sb.toString();
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
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
            Exec.Result result = exec(List.of(binaries.bin("initdb").toString(), "-D", data.toString(),
                    "-U", PostgresNode.SUPERUSER, "--pwfile=" + pwfile, "--auth-local=trust",
                    "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"), 300);
            if (!result.ok()) {
                FileTrees.deleteQuietly(work);
                throw new NodeException("initdb of PostgreSQL " + binaries.version() + " failed ("
                        + ServerUser.current().describe() + "): " + result.failure());
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
                s.execute("SET synchronous_commit = on"); // survive a crash of the disposable-speed server
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

    /**
     * Whether the process named in {@code postmaster.pid} is a live PostgreSQL server. pg_ctl only asks
     * whether that process number is alive, and after a crash and a reboot (or in a container) it often
     * belongs to another program by then: pg_ctl would report the node running, and stop would signal a
     * stranger.
     */
    private static boolean isRunning(PostgresBinaries binaries, Path data) {
        ProcessHandle postmaster = postmaster(data);
        if (postmaster == null) {
            return false;
        }
        Optional<String> command = postmaster.info().command();
        if (command.isPresent()) {
            return Paths.get(command.get()).getFileName().toString().equals("postgres");
        }
        // The command line is hidden from us (another account's process on some systems): ask pg_ctl.
        return exec(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(), "status"), 30).ok();
    }

    /** The live process {@code postmaster.pid} names, or null when there is none. */
    private static ProcessHandle postmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return null; // a server writes the file in steps; an empty one belongs to no server
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive).orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Removes a {@code postmaster.pid} that names no running server. PostgreSQL clears one whose process is
     * dead by itself, but refuses to start while the number belongs to any live process.
     */
    private static void removeStalePidFile(PostgresBinaries binaries, Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.exists(pidFile) && !isRunning(binaries, data)) {
            Files.delete(pidFile);
        }
    }

    private static void killPostmaster(Path data) {
        ProcessHandle postmaster = postmaster(data);
        if (postmaster == null) {
            return;
        }
        // Backends outlive a killed postmaster for a moment and keep the shared memory in use: kill them too.
        Exec.killTree(postmaster);
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

    /** Runs a server program as the account PostgreSQL accepts; messages name the program, not the wrapper. */
    private static Exec.Result exec(List<String> command, int timeoutSeconds) {
        return Exec.run(String.join(" ", command), ServerUser.current().wrap(command),
                Duration.ofSeconds(timeoutSeconds));
    }
}
