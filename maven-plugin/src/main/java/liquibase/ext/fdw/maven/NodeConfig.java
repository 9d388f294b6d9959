package liquibase.ext.fdw.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.NodeDefinition;

/** A node declared inline in the POM ({@code <nodes><node>...}), with the keys of the topology file. */
public class NodeConfig {
    private String name;
    private String url;
    private String username;
    private String password;
    private String passwordEnv;
    private String serverId;
    private String changeLogFile;
    private String contexts;
    private String labels;
    private String defaultSchemaName;
    private Map<String, String> properties = new LinkedHashMap<>();
    private List<String> dependsOn = new ArrayList<>();

    NodeDefinition toDefinition() {
        return new NodeDefinition(name, url, username, password, passwordEnv, serverId, changeLogFile, contexts,
                labels, defaultSchemaName, properties == null ? Map.of() : properties,
                dependsOn == null ? List.of() : dependsOn, 0);
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = passwordEnv;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public void setChangeLogFile(String changeLogFile) {
        this.changeLogFile = changeLogFile;
    }

    public void setContexts(String contexts) {
        this.contexts = contexts;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public void setDefaultSchemaName(String defaultSchemaName) {
        this.defaultSchemaName = defaultSchemaName;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public void setDependsOn(List<String> dependsOn) {
        this.dependsOn = dependsOn;
    }
}
