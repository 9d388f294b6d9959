package liquibase.ext.fdw.change.addshard;

import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractPartitionOfChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.createforeignserver.CreateForeignServerStatement;
import liquibase.ext.fdw.change.createusermapping.CreateUserMappingStatement;
import liquibase.ext.fdw.change.detachpartition.DetachPartitionStatement;
import liquibase.ext.fdw.change.dropforeignserver.DropForeignServerStatement;
import liquibase.ext.fdw.change.dropusermapping.DropUserMappingStatement;
import liquibase.ext.fdw.change.importforeignschema.DropImportedTablesStatement;
import liquibase.ext.fdw.change.importforeignschema.ImportForeignSchemaStatement;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.OptionChecks;
import liquibase.ext.fdw.option.PostgresFdwOptions;
import liquibase.ext.fdw.partition.AttachPartitionStatement;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.partition.MoveKey;
import liquibase.ext.fdw.partition.RestoreMovedRowsStatement;
import liquibase.statement.SqlStatement;

/**
 * Adds a shard in one change: CREATE SERVER, CREATE USER MAPPING, IMPORT FOREIGN SCHEMA ... LIMIT TO the shard's
 * table, and ATTACH PARTITION of that foreign table to the parent (optionally moving the rows of its range out of the
 * DEFAULT partition onto the shard). Rolls back each step in reverse, moving back exactly the rows it moved. The
 * password is secret: masked in SQL output and left out of the checksum.
 */
@DatabaseChange(name = "addShard", description = "Adds a shard: foreign server, user mapping, imported shard table attached"
        + " as a partition", priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AddShardChange extends AbstractPartitionOfChange {
    private static final String POSTGRES_FDW = "postgres_fdw";

    private String serverName;
    private String host;
    private String port;
    private String dbname;
    private String userName;
    private String user;
    private String password;
    private String remoteSchema;

    @DatabaseChangeProperty(description = "Name of the foreign server to create for the shard", exampleValue = "shard3")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "The shard's host (server option 'host')", exampleValue = "box3")
    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = trimToNull(host);
    }

    @DatabaseChangeProperty(description = "The shard's port (server option 'port')", exampleValue = "5432")
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = trimToNull(port);
    }

    @DatabaseChangeProperty(description = "The shard's database (server option 'dbname')", exampleValue = "shard3")
    public String getDbname() {
        return dbname;
    }

    public void setDbname(String dbname) {
        this.dbname = trimToNull(dbname);
    }

    @DatabaseChangeProperty(description = "Local role of the user mapping (default CURRENT_USER)", exampleValue = "CURRENT_USER")
    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = trimToNull(userName);
    }

    @DatabaseChangeProperty(description = "Remote role (user mapping option 'user')", exampleValue = "user3")
    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = trimToNull(user);
    }

    @DatabaseChangeProperty(description = "Remote password (user mapping option 'password'); secret, not part of the checksum",
            exampleValue = "${box3.password}")
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @DatabaseChangeProperty(description = "Schema on the shard holding the partition's table", exampleValue = "box2_schema")
    public String getRemoteSchema() {
        return remoteSchema;
    }

    public void setRemoteSchema(String remoteSchema) {
        this.remoteSchema = trimToNull(remoteSchema);
    }

    @Override
    public String[] getExcludedFieldFilters(ChecksumVersion version) {
        return new String[] {"password"};
    }

    private String mappedRole() {
        return userName != null ? userName : "CURRENT_USER";
    }

    private List<FdwOption> serverOptions() {
        List<FdwOption> options = new ArrayList<>();
        if (host != null) {
            options.add(new FdwOption("host", host));
        }
        if (port != null) {
            options.add(new FdwOption("port", port));
        }
        if (dbname != null) {
            options.add(new FdwOption("dbname", dbname));
        }
        return options;
    }

    private List<FdwOption> mappingOptions() {
        List<FdwOption> options = new ArrayList<>();
        if (user != null) {
            options.add(new FdwOption("user", user));
        }
        if (password != null) {
            options.add(new FdwOption("password", password));
        }
        return options;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "serverName", serverName, "set serverName to the name of the foreign server to create for the shard");
        require(errors, "remoteSchema", remoteSchema, "set remoteSchema to the shard's schema holding the partition's table");
        require(errors, "tableName", getTableName(), "set tableName to the partitioned table that gets the shard's partition");
        require(errors, "partitionName", getPartitionName(), "set partitionName to the shard's table, imported under that name");
        if (partitionSchema() == null) {
            errors.addError(ChangeMessages.format(this, "attribute 'schemaName' is required; set schemaName (or"
                    + " partitionSchemaName) to the local schema the shard's table is imported into."));
        }
        if (port != null && (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535)) {
            errors.addError(ChangeMessages.format(this, "attribute 'port' is '" + port
                    + "', not a port number; set port to an integer between 1 and 65535."));
        }
        OptionChecks.check(this, serverOptions(), PostgresFdwOptions.SERVER, database, errors);
        OptionChecks.check(this, mappingOptions(), PostgresFdwOptions.USER_MAPPING, database, errors);
        bounds(null, errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    private ImportForeignSchemaStatement importStatement() {
        return new ImportForeignSchemaStatement(serverName, remoteSchema, partitionSchema(), List.of(getPartitionName()),
                List.of(), List.of());
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {
            new CreateForeignServerStatement(serverName, POSTGRES_FDW, null, null, false, serverOptions()),
            new CreateUserMappingStatement(mappedRole(), serverName, false, mappingOptions()),
            importStatement(),
            new AttachPartitionStatement(getSchemaName(), getTableName(), partitionSchema(), getPartitionName(), bounds(null),
                    moveRows(), MoveKey.of(this), ChangeMessages.location(this))};
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) {
        SqlStatement detach = moveRows()
                ? new RestoreMovedRowsStatement(getSchemaName(), getTableName(), partitionSchema(), getPartitionName(),
                        DefaultPartitionRows.Ending.DETACH, MoveKey.of(this), ChangeMessages.location(this))
                : new DetachPartitionStatement(getSchemaName(), getTableName(), partitionSchema(), getPartitionName(), false, false);
        return new SqlStatement[] {detach, new DropImportedTablesStatement(importStatement()),
            new DropUserMappingStatement(mappedRole(), serverName, false), new DropForeignServerStatement(serverName, false, false)};
    }

    @Override
    public String getConfirmationMessage() {
        return "Shard " + serverName + " added: " + getPartitionName() + " attached to " + getTableName();
    }
}
