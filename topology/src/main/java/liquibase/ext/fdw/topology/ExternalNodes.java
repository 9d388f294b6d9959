package liquibase.ext.fdw.topology;

import java.util.Map;

/** Resolves the address and password of nodes reached by URL, from an environment variable, a server id or the file. */
public final class ExternalNodes {
    private final Credentials.Store store;
    private final Map<String, String> environment;

    /** {@code store} looks up server ids (the front end's credential store); {@code environment} holds variables. */
    public ExternalNodes(Credentials.Store store, Map<String, String> environment) {
        this.store = store;
        this.environment = environment;
    }

    /** The node's address; fails with a message naming the node and the missing secret. */
    public NodeAddress resolve(NodeDefinition node) {
        String username = node.username();
        String password = node.password();
        if (node.serverId() != null) {
            Credentials credentials = store.lookup(node.serverId());
            if (credentials == null) {
                throw new MissingSecretException(node.name(), MissingSecretException.Source.SERVER_ID, node.serverId(),
                        "node '" + node.name() + "': serverId '" + node.serverId()
                                + "' is not in the credential store; add it with username and password.");
            }
            username = username == null ? credentials.username() : username;
            password = credentials.password();
        }
        if (node.passwordEnv() != null) {
            password = environment.get(node.passwordEnv());
            if (password == null) {
                throw new MissingSecretException(node.name(), MissingSecretException.Source.PASSWORD_ENV,
                        node.passwordEnv(), "node '" + node.name() + "': environment variable '" + node.passwordEnv()
                                + "' (passwordEnv) is not set; export it before the run.");
            }
        }
        if (username == null) {
            throw new MissingSecretException(node.name(), MissingSecretException.Source.USERNAME, null, "node '"
                    + node.name() + "' has a url but no username; add username (or a serverId whose entry has one).");
        }
        return NodeAddress.fromUrl(node.name(), node.url(), username, password);
    }
}
