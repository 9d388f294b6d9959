package liquibase.ext.fdw.change.createforeignserver;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractOptionsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.dropforeignserver.DropForeignServerChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.OptionChecks;
import liquibase.ext.fdw.option.PostgresFdwOptions;
import liquibase.statement.SqlStatement;

/** Defines a foreign server (a remote node); rolls back with DROP SERVER. */
@DatabaseChange(name = "createForeignServer", description = "Defines a foreign server (CREATE SERVER)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreateForeignServerChange extends AbstractOptionsChange {
    private static final String POSTGRES_FDW = "postgres_fdw";

    private String serverName;
    private String fdwName;
    private String host;
    private String port;
    private String dbname;
    private String type;
    private String version;
    private Boolean ifNotExists;

    @DatabaseChangeProperty(description = "Name of the foreign server", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Foreign data wrapper (default postgres_fdw)", exampleValue = "postgres_fdw")
    public String getFdwName() {
        return fdwName;
    }

    public void setFdwName(String fdwName) {
        this.fdwName = trimToNull(fdwName);
    }

    @DatabaseChangeProperty(description = "Remote host (the 'host' option)", exampleValue = "box2.internal")
    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = trimToNull(host);
    }

    @DatabaseChangeProperty(description = "Remote port (the 'port' option)", exampleValue = "5432")
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = trimToNull(port);
    }

    @DatabaseChangeProperty(description = "Remote database (the 'dbname' option)", exampleValue = "shard2")
    public String getDbname() {
        return dbname;
    }

    public void setDbname(String dbname) {
        this.dbname = trimToNull(dbname);
    }

    @DatabaseChangeProperty(description = "Server type (CREATE SERVER ... TYPE)", exampleValue = "postgresql")
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = trimToNull(type);
    }

    @DatabaseChangeProperty(description = "Server version (CREATE SERVER ... VERSION)", exampleValue = "17")
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = trimToNull(version);
    }

    @DatabaseChangeProperty(description = "Do nothing when the server exists already", exampleValue = "false")
    public Boolean getIfNotExists() {
        return ifNotExists;
    }

    public void setIfNotExists(Boolean ifNotExists) {
        this.ifNotExists = ifNotExists;
    }

    /** The host/port/dbname shorthands first, then the nested options. */
    List<FdwOption> allOptions() {
        List<FdwOption> all = new ArrayList<>();
        if (host != null) {
            all.add(new FdwOption("host", host));
        }
        if (port != null) {
            all.add(new FdwOption("port", port));
        }
        if (dbname != null) {
            all.add(new FdwOption("dbname", dbname));
        }
        all.addAll(getOptions());
        return all;
    }

    private String wrapper() {
        return fdwName == null ? POSTGRES_FDW : fdwName;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "serverName", serverName, "set serverName to the name of the foreign server to create");
        if (port != null && !port.matches("\\d{1,5}") || port != null && Integer.parseInt(port) > 65535) {
            errors.addError(ChangeMessages.format(this, "attribute 'port' is '" + port
                    + "', not a port number; set port to an integer between 1 and 65535."));
        }
        OptionChecks.check(this, allOptions(), POSTGRES_FDW.equals(wrapper()) ? PostgresFdwOptions.SERVER : null,
                database, errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new CreateForeignServerStatement(serverName, wrapper(), type, version,
                Boolean.TRUE.equals(ifNotExists), allOptions())};
    }

    @Override
    protected Change[] createInverses() {
        DropForeignServerChange inverse = new DropForeignServerChange();
        inverse.setServerName(serverName);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Foreign server " + serverName + " created";
    }
}
