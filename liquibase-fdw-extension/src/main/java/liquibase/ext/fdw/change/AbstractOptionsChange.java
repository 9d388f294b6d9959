package liquibase.ext.fdw.change;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.DatabaseChangeProperty;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;

/** Base of change types with nested options, loaded the same way from XML, YAML and JSON. */
public abstract class AbstractOptionsChange extends AbstractFdwChange {
    private List<FdwOption> options = new ArrayList<>();

    @DatabaseChangeProperty(description = "Options: <fdw:option name=\"...\" value=\"...\"/> (YAML/JSON: options: [{name:, value:}])")
    public List<FdwOption> getOptions() {
        return options;
    }

    public void setOptions(List<FdwOption> options) {
        this.options = options == null ? new ArrayList<>() : options;
    }

    @Override
    protected void customLoadLogic(ParsedNode parsedNode, ResourceAccessor resourceAccessor) throws ParsedNodeException {
        options = FdwOptions.load(parsedNode);
    }
}
