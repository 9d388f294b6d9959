package liquibase.ext.fdw.change.altersubscription;

import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.statement.AbstractSqlStatement;

/** One ALTER SUBSCRIPTION action: ENABLE/DISABLE, SET PUBLICATION or SET (options). */
public final class AlterSubscriptionStatement extends AbstractSqlStatement {
    /** The forms of ALTER SUBSCRIPTION this extension renders. */
    public enum Action { ENABLE, DISABLE, SET_PUBLICATION, SET_OPTIONS }

    private final String name;
    private final Action action;
    private final List<String> publications;
    private final List<FdwOption> options;

    public AlterSubscriptionStatement(String name, Action action, List<String> publications, List<FdwOption> options) {
        this.name = name;
        this.action = action;
        this.publications = List.copyOf(publications);
        this.options = List.copyOf(options);
    }

    public String getName() {
        return name;
    }

    public Action getAction() {
        return action;
    }

    public List<String> getPublications() {
        return publications;
    }

    public List<FdwOption> getOptions() {
        return options;
    }
}
