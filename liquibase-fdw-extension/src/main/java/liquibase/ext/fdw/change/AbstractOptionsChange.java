package liquibase.ext.fdw.change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import liquibase.Scope;
import liquibase.change.CheckSum;
import liquibase.change.DatabaseChangeProperty;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;
import liquibase.serializer.core.string.StringChangeLogSerializer;

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

    /**
     * Liquibase's checksum, with the value of every secret option ({@code password}, {@code sslpassword}, any case)
     * left out as the {@code password} attribute is: rotating a password must not invalidate the changeset. Changes
     * without secret options keep exactly the checksum Liquibase computes.
     */
    @Override
    public CheckSum generateCheckSum() {
        List<String> excluded = Arrays.asList(getExcludedFieldFilters(Scope.getCurrentScope().getChecksumVersion()));
        return CheckSum.compute(new StringChangeLogSerializer(new StringChangeLogSerializer.FieldFilter() {
            @Override
            public boolean include(Object obj, String field, Object value) {
                if (excluded.contains(field)) {
                    return false;
                }
                if (obj instanceof FdwOption option && "value".equals(field) && Secrets.isSecretOption(option.getName())) {
                    return false;
                }
                return super.include(obj, field, value);
            }
        }).serialize(this, false));
    }

    @Override
    protected void customLoadLogic(ParsedNode parsedNode, ResourceAccessor resourceAccessor) throws ParsedNodeException {
        options = FdwOptions.load(parsedNode);
    }
}
