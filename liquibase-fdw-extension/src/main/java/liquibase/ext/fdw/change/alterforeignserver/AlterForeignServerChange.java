package liquibase.ext.fdw.change.alterforeignserver;

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
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.OptionAction;
import liquibase.ext.fdw.option.OptionChecks;
import liquibase.ext.fdw.option.PostgresFdwOptions;
import liquibase.statement.SqlStatement;

/**
 * Changes a foreign server's version or options (each option added, set or dropped). Rolls back automatically only
 * when every option is added and the version is left alone: the inverse drops those options again; a set or
 * dropped option or a new version loses the old value, so those changesets need an explicit rollback.
 */
@DatabaseChange(name = "alterForeignServer", description = "Changes a foreign server's version or options (ALTER SERVER)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AlterForeignServerChange extends AbstractOptionsChange {
    private static final String POSTGRES_FDW = "postgres_fdw";

    private String serverName;
    private String fdwName;
    private String version;

    @DatabaseChangeProperty(description = "Name of the foreign server", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Foreign data wrapper of the server, for option checks (default postgres_fdw)",
            exampleValue = "postgres_fdw")
    public String getFdwName() {
        return fdwName;
    }

    public void setFdwName(String fdwName) {
        this.fdwName = trimToNull(fdwName);
    }

    @DatabaseChangeProperty(description = "New server version (ALTER SERVER ... VERSION)", exampleValue = "17")
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = trimToNull(version);
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "serverName", serverName, "set serverName to the foreign server to change");
        if (version == null && getOptions().isEmpty()) {
            errors.addError(ChangeMessages.format(this, "nothing to change; set version or add"
                    + " <fdw:option name=\"...\" value=\"...\" action=\"add|set|drop\"/>."));
        }
        boolean postgresFdw = fdwName == null || POSTGRES_FDW.equals(fdwName);
        OptionChecks.check(this, getOptions(), postgresFdw ? PostgresFdwOptions.SERVER : null, database, errors, true);
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new AlterForeignServerStatement(serverName, version, getOptions())};
    }

    @Override
    protected Change[] createInverses() {
        if (version != null || getOptions().isEmpty()
                || getOptions().stream().anyMatch(o -> OptionAction.of(o) != OptionAction.ADD)) {
            return null;
        }
        List<FdwOption> drops = new ArrayList<>();
        for (FdwOption option : getOptions()) {
            drops.add(FdwOption.withAction(option.getName(), null, "drop"));
        }
        AlterForeignServerChange inverse = new AlterForeignServerChange();
        inverse.setServerName(serverName);
        inverse.setFdwName(fdwName);
        inverse.setOptions(drops);
        return new Change[] {inverse};
    }

    @Override
    public String getConfirmationMessage() {
        return "Foreign server " + serverName + " altered";
    }
}
