package liquibase.ext.fdw.change.createsubscription;

import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractOptionsChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.dropsubscription.DropSubscriptionChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.ext.fdw.replication.Transactions;
import liquibase.statement.SqlStatement;

/**
 * Subscribes this database to publications of another node (e.g. a replica following a shard). PostgreSQL refuses it
 * inside a transaction block, so its changeset needs {@code runInTransaction="false"}. The password is secret: masked
 * in SQL output, logs and errors, and not part of the checksum. Rolls back with DROP SUBSCRIPTION.
 */
@DatabaseChange(name = "createSubscription", description = "Subscribes to publications of another node (CREATE SUBSCRIPTION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreateSubscriptionChange extends AbstractOptionsChange {
    private String name;
    private String host;
    private String port;
    private String dbname;
    private String user;
    private String password;
    private String publications;

    @DatabaseChangeProperty(description = "Name of the subscription", exampleValue = "shard1_replica")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimToNull(name);
    }

    @DatabaseChangeProperty(description = "The publisher's host", exampleValue = "box2")
    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = trimToNull(host);
    }

    @DatabaseChangeProperty(description = "The publisher's port", exampleValue = "5432")
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = trimToNull(port);
    }

    @DatabaseChangeProperty(description = "The publisher's database", exampleValue = "shard1")
    public String getDbname() {
        return dbname;
    }

    public void setDbname(String dbname) {
        this.dbname = trimToNull(dbname);
    }

    @DatabaseChangeProperty(description = "Role on the publisher (with REPLICATION)", exampleValue = "replicator")
    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = trimToNull(user);
    }

    @DatabaseChangeProperty(description = "Password on the publisher; secret, not part of the checksum",
            exampleValue = "${box2.password}")
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @DatabaseChangeProperty(description = "Publications to subscribe to, comma-separated", exampleValue = "shard1_pub")
    public String getPublications() {
        return publications;
    }

    public void setPublications(String publications) {
        this.publications = trimToNull(publications);
    }

    @Override
    public String[] getExcludedFieldFilters(ChecksumVersion version) {
        return new String[] {"password"};
    }

    List<FdwOption> connection() {
        List<FdwOption> connection = new ArrayList<>();
        String[][] pairs = {{"host", host}, {"port", port}, {"dbname", dbname}, {"user", user}, {"password", password}};
        for (String[] pair : pairs) {
            if (pair[1] != null) {
                connection.add(new FdwOption(pair[0], pair[1]));
            }
        }
        return connection;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "name", name, "set name to the subscription to create");
        require(errors, "publications", publications, "set publications to the publisher's publications, comma-separated");
        if (publications != null && ReplicationSql.items(publications).contains("")) {
            errors.addError(ChangeMessages.format(this, "attribute 'publications' is '" + publications + "', which holds an"
                    + " empty name; separate the publications by single commas."));
        }
        if (port != null && (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535)) {
            errors.addError(ChangeMessages.format(this, "attribute 'port' is '" + port
                    + "', not a port number; set port to an integer between 1 and 65535."));
        }
        SubscriptionOptionChecks.check(this, getOptions(), database, errors);
        Transactions.requireOutside(this, "CREATE SUBSCRIPTION", errors);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new CreateSubscriptionStatement(name, connection(), ReplicationSql.items(publications),
                getOptions())};
    }

    @Override
    protected Change[] createInverses() {
        DropSubscriptionChange drop = new DropSubscriptionChange();
        drop.setName(name);
        return new Change[] {drop};
    }

    @Override
    public String getConfirmationMessage() {
        return "Subscription " + name + " created";
    }
}
