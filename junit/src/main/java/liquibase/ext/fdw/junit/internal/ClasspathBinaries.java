package liquibase.ext.fdw.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import liquibase.ext.fdw.nodes.NodeException;
import liquibase.ext.fdw.nodes.PostgresBinaries;

/**
 * Finds the server binaries of a major on the test class path first (the binaries jar this module depends on for
 * the running platform, resolved by the user's build through its own repositories), then where the launcher looks
 * ({@code fdw.pg.binaries.dir}, the local Maven repository).
 */
public final class ClasspathBinaries {
    private ClasspathBinaries() {
    }

    /**
     * The binaries of {@code major}. When they are nowhere, the message names the test dependency to add, so the
     * user's build fetches them through its own repositories like any other jar.
     */
    public static PostgresBinaries forMajor(int major) {
        Path jar = onClassPath(PostgresBinaries.jarFileName(major), Thread.currentThread().getContextClassLoader());
        if (jar != null) {
            return PostgresBinaries.fromJar(jar);
        }
        try {
            return PostgresBinaries.forMajor(major);
        } catch (NodeException e) {
            if (!PostgresBinaries.supportedMajors().contains(major)) {
                throw e;
            }
            String[] gav = PostgresBinaries.coordinates(major).split(":");
            throw new NodeException("PostgreSQL " + major + " server binaries for this platform are not on the test"
                    + " class path; add the test dependency <dependency><groupId>" + gav[0] + "</groupId><artifactId>"
                    + gav[1] + "</artifactId><version>" + gav[2] + "</version><scope>test</scope></dependency>.", e);
        }
    }

    /** The class-path jar named {@code fileName}, or null. Every jar has a manifest: it finds them all. */
    static Path onClassPath(String fileName, ClassLoader loader) {
        try {
            Enumeration<URL> manifests = (loader != null ? loader : ClasspathBinaries.class.getClassLoader())
                    .getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                if (!"jar".equals(url.getProtocol())) {
                    continue;
                }
                URL jarUrl = ((JarURLConnection) url.openConnection()).getJarFileURL();
                if ("file".equals(jarUrl.getProtocol())) {
                    Path jar = Paths.get(jarUrl.toURI());
                    if (jar.getFileName().toString().equals(fileName)) {
                        return jar;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
