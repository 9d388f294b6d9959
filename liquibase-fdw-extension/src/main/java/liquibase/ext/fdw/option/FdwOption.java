package liquibase.ext.fdw.option;

import liquibase.ext.fdw.xml.FdwNamespace;
import liquibase.serializer.AbstractLiquibaseSerializable;

/** One generic option of a foreign server, user mapping, foreign table or import: {@code name 'value'}. */
public class FdwOption extends AbstractLiquibaseSerializable {
    private String name;
    private String value;

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
