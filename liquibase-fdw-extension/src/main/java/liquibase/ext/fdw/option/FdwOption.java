package liquibase.ext.fdw.option;

import liquibase.ext.fdw.xml.FdwNamespace;
import liquibase.serializer.AbstractLiquibaseSerializable;

/**
 * One generic option of a foreign server, user mapping, foreign table or import: {@code name 'value'}; in alter
 * changes also an {@code action} (add, set or drop).
 */
public class FdwOption extends AbstractLiquibaseSerializable {
    private String name;
    private String value;
    private String action;

    public FdwOption() {
    }

    public FdwOption(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** {@code add}, {@code set} or {@code drop} in alter changes; null elsewhere (and means add there). */
    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    /** The option with an action, for alter changes. */
    public static FdwOption withAction(String name, String value, String action) {
        FdwOption option = new FdwOption(name, value);
        option.setAction(action);
        return option;
    }

    @Override
    public String getSerializedObjectName() {
        return "option";
    }

    @Override
    public String getSerializedObjectNamespace() {
        return FdwNamespace.URI;
    }

    @Override
    public SerializationType getSerializableFieldType(String field) {
        return SerializationType.NAMED_FIELD;
    }
}
