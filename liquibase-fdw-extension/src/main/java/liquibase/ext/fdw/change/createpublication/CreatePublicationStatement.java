package liquibase.ext.fdw.change.createpublication;

import java.util.List;
import liquibase.statement.AbstractSqlStatement;

/** CREATE PUBLICATION, as validated by {@link CreatePublicationChange}. */
public final class CreatePublicationStatement extends AbstractSqlStatement {
    private final String name;
    private final List<String> tables;
    private final boolean allTables;
    private final String publish;
    private final Boolean publishViaPartitionRoot;

    public CreatePublicationStatement(String name, List<String> tables, boolean allTables, String publish,
            Boolean publishViaPartitionRoot) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.allTables = allTables;
        this.publish = publish;
        this.publishViaPartitionRoot = publishViaPartitionRoot;
    }

    public String getName() {
        return name;
    }

    public List<String> getTables() {
        return tables;
    }

    public boolean isAllTables() {
        return allTables;
    }

    public String getPublish() {
        return publish;
    }

    public Boolean getPublishViaPartitionRoot() {
        return publishViaPartitionRoot;
    }
}
