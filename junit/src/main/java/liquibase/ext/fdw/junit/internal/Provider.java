package liquibase.ext.fdw.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How embedded nodes are started: by the launcher from the binaries jar (default), or as Testcontainers'
 * {@code PostgreSQLContainer}s ({@code embedded: { provider: testcontainers, image: postgres:17 }}).
 *
 * @param testcontainers whether nodes run in Docker containers
 * @param image the container image (default {@code postgres:<major>})
 */
public record Provider(boolean testcontainers, String image) {

    /** The launcher. */
    public static final Provider LAUNCHER = new Provider(false, null);

    /** Reads {@code embedded.provider} and {@code embedded.image} of a topology file the engine already validated. */
    public static Provider of(Path topologyFile, int major) {
        if (topologyFile == null) {
            return LAUNCHER;
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(topologyFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object embedded = root instanceof Map<?, ?> top ? top.get("embedded") : null;
        if (!(embedded instanceof Map<?, ?> settings)) {
            return LAUNCHER;
        }
        Object provider = settings.get("provider");
        Object image = settings.get("image");
        String name = provider == null ? "embedded" : provider.toString();
        switch (name) {
            case "embedded":
                if (image != null) {
                    throw new IllegalArgumentException(topologyFile + ": 'embedded.image' is set but the provider is the"
                            + " embedded launcher; add 'provider: testcontainers' or remove the image.");
                }
                return LAUNCHER;
            case "testcontainers":
                return new Provider(true, image == null ? "postgres:" + major : image.toString());
            default:
                throw new IllegalArgumentException(topologyFile + ": 'embedded.provider' is '" + name
                        + "'; write 'embedded' (the default: binaries from Maven artifacts) or 'testcontainers'.");
        }
    }
}
