package liquibase.ext.fdw.change.alterpublication;

import java.util.List;
import liquibase.statement.AbstractSqlStatement;

/** One ALTER PUBLICATION action: ADD TABLE, DROP TABLE, SET TABLE or SET (publish = ...). */
public final class AlterPublicationStatement extends AbstractSqlStatement {
    /** The forms of ALTER PUBLICATION this extension renders. */
    public enum Action { ADD_TABLE, DROP_TABLE, SET_TABLE, SET_PUBLISH }

    private final String name;
    private final Action action;
    private final List<String> tables;
    private final String publish;

    public AlterPublicationStatement(String name, Action action, List<String> tables, String publish) {
        this.name = name;
        this.action = action;
        this.tables = List.copyOf(tables);
        this.publish = publish;
    }

    public String getName() {
        return name;
    }

    public Action getAction() {
        return action;
    }

    public List<String> getTables() {
        return tables;
    }

    public String getPublish() {
        return publish;
    }
}
