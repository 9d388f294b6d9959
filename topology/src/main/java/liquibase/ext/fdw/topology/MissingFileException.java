package liquibase.ext.fdw.topology;

import java.nio.file.Path;

/** A file or directory the request names does not exist or cannot be read. */
public class MissingFileException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final String argument;
    private final transient Path path;

    /** {@code argument} is the request's name for the path: topologyFile, changeLogDirectory or propertyFile. */
    public MissingFileException(String argument, Path path, String message, Throwable cause) {
        super(message, cause);
        this.argument = argument;
        this.path = path;
    }

    public String argument() {
        return argument;
    }

    public Path path() {
        return path;
    }
}
