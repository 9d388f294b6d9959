package liquibase.ext.fdw.nodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How server programs are run. PostgreSQL refuses to run as root, so as root the launcher runs initdb, pg_ctl and
 * postgres inside a user namespace where root appears as an ordinary user (files stay root's on disk), or, where
 * user namespaces are unavailable, as an unprivileged account through {@code setpriv}.
 */
final class ServerUser {

    /** System property forcing a mode: {@code self}, {@code namespace} or {@code setpriv:<account>}. */
    static final String RUN_AS_PROPERTY = "fdw.pg.runAs";

    private enum Mode { SELF, NAMESPACE, SETPRIV }

    private static volatile ServerUser current;

    private final Mode mode;
    private final String account;

    private ServerUser(Mode mode, String account) {
        this.mode = mode;
        this.account = account;
    }

    static ServerUser current() {
        ServerUser user = current;
        if (user == null) {
            synchronized (ServerUser.class) {
                if (current == null) {
                    current = detect();
                }
                user = current;
            }
        }
        return user;
    }

    /** The command line that runs {@code command} as a user PostgreSQL accepts. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        switch (mode) {
            case NAMESPACE:
                wrapped.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
                break;
            case SETPRIV:
                wrapped.addAll(List.of("setpriv", "--reuid=" + account, "--regid=" + primaryGroup(account),
                        "--clear-groups", "--"));
                break;
            default:
                break;
        }
        wrapped.addAll(command);
        return wrapped;
    }

    boolean needsWorldReadableFiles() {
        return mode == Mode.SETPRIV;
    }

    /** Lets the server account read and traverse a directory tree the launcher created. */
    void openForServer(Path dir) throws IOException {
        if (mode == Mode.SETPRIV) {
            run(List.of("chmod", "-R", "a+rX", dir.toString()));
        }
    }

    /** Lets the server account traverse one directory (not its contents: data directories must stay 0700). */
    void openDirectoryForServer(Path dir) throws IOException {
        if (mode == Mode.SETPRIV) {
            run(List.of("chmod", "a+rx", dir.toString()));
        }
    }

    /** Hands a data directory to the server account (PostgreSQL insists on owning it). */
    void giveToServer(Path dataDir) throws IOException {
        if (mode != Mode.SETPRIV) {
            return;
        }
        for (Path p = dataDir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new NodeException("PostgreSQL runs as '" + account + "' here, which cannot enter " + p
                        + " (mode " + java.nio.file.attribute.PosixFilePermissions.toString(perms)
                        + "); put the node directory elsewhere or run 'chmod o+x " + p + "'.");
            }
        }
        run(List.of("chown", "-R", account + ":" + primaryGroup(account), dataDir.toString()));
    }

    String describe() {
        switch (mode) {
            case NAMESPACE:
                return "root, mapped to an unprivileged user in a user namespace";
            case SETPRIV:
                return "root, running the server as '" + account + "'";
            default:
                return "the current user";
        }
    }

    private static ServerUser detect() {
        String forced = System.getProperty(RUN_AS_PROPERTY, "").trim();
        if (forced.equals("self")) {
            return new ServerUser(Mode.SELF, null);
        }
        if (forced.equals("namespace")) {
            return new ServerUser(Mode.NAMESPACE, null);
        }
        if (forced.startsWith("setpriv:")) {
            return new ServerUser(Mode.SETPRIV, forced.substring("setpriv:".length()));
        }
        if (!isRoot()) {
            return new ServerUser(Mode.SELF, null);
        }
        if (succeeds(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "true"))) {
            return new ServerUser(Mode.NAMESPACE, null);
        }
        String account = succeeds(List.of("id", "-u", "postgres")) ? "postgres" : "nobody";
        return new ServerUser(Mode.SETPRIV, account);
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException e) {
            // not Linux procfs: fall back to the account name
        }
        return "root".equals(System.getProperty("user.name"));
    }

    private static String primaryGroup(String account) {
        Exec.Result result = Exec.run("id -gn " + account, List.of("id", "-gn", account), Duration.ofSeconds(10));
        String group = result.output().trim();
        return result.ok() && !group.isEmpty() ? group : account;
    }

    private static boolean succeeds(List<String> command) {
        return Exec.run(String.join(" ", command), command, Duration.ofSeconds(10)).ok();
    }

    private static void run(List<String> command) throws IOException {
        // chown/chmod -R of a data directory or an installation: seconds, unless the disk hangs.
        Exec.Result result = Exec.run(String.join(" ", command), command, Duration.ofMinutes(5));
        if (!result.ok()) {
            throw new IOException(result.failure());
        }
    }
}
