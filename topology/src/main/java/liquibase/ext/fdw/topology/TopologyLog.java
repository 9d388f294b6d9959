package liquibase.ext.fdw.topology;

/** Where the runner reports progress; the Maven plugin passes its build log. */
public interface TopologyLog {
    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);
}
