package liquibase.ext.fdw.topology;

/** A username and password pair from the build's credential store (Maven's settings.xml servers). */
public record Credentials(String username, String password) {

    /** Looks up credentials by server id; returns null for an unknown id. */
    @FunctionalInterface
    public interface Store {
        Credentials lookup(String serverId);
    }

    @Override
    public String toString() {
        return "credentials of " + username;
    }
}
