package liquibase.ext.fdw.snapshot;

import java.util.List;
import liquibase.structure.AbstractDatabaseObject;
import liquibase.structure.DatabaseLevelObject;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Schema;

/**
 * Base of the extension's snapshot objects: a name, the schema name where the object lives in one (as the
 * attribute {@code schemaName}) and the attributes a diff compares.
 *
 * <p>{@link #getSchema()} is deliberately null: Liquibase's PostgreSQL dependency sort moves every object whose
 * {@code schema.name} it knows ahead of all others, which would put a partition or foreign table before the foreign
 * server it needs. Without a schema these objects keep the order of their change generators' types; the text
 * snapshot lists them (as database-level objects) under each schema, with their {@code schemaName}.
 */
public abstract class FdwObject extends AbstractDatabaseObject implements DatabaseLevelObject {
    private boolean complete;
    private List<String> optionsAsCreated = List.of();

    /**
     * Options as {@code name=value} in the order PostgreSQL keeps them (the order they were written in), for the
     * changes that recreate the object; the compared attribute {@code options} is sorted. Empty in a snapshot read
     * back from JSON or YAML.
     */
    public List<String> getOptionsAsCreated() {
        return optionsAsCreated.isEmpty() ? strings("options") : optionsAsCreated;
    }

    /** Sets both the options as created and the sorted, compared {@code options} attribute. */
    protected void options(List<String> options) {
        optionsAsCreated = List.copyOf(options == null ? List.of() : options);
        setAttribute("options", Options.sorted(options));
    }

    /** Whether the object was read whole from the catalog, so the snapshot needs not read it again. */
    boolean isComplete() {
        return complete;
    }

    void setComplete(boolean complete) {
        this.complete = complete;
    }

    @Override
    public String getName() {
        return getAttribute("name", String.class);
    }

    @Override
    public FdwObject setName(String name) {
        setAttribute("name", name);
        return this;
    }

    /** The schema holding the object, or null for objects of the whole database (servers, user mappings). */
    public String getSchemaName() {
        return getAttribute("schemaName", String.class);
    }

    public FdwObject setSchemaName(String schemaName) {
        setAttribute("schemaName", schemaName);
        return this;
    }

    @Override
    public Schema getSchema() {
        return null;
    }

    @Override
    public DatabaseObject[] getContainingObjects() {
        return null;
    }

    @Override
    public String toString() {
        return getSchemaName() == null ? getName() : getSchemaName() + "." + getName();
    }

    /** A string list attribute, empty when unset. */
    @SuppressWarnings("unchecked")
    protected List<String> strings(String attribute) {
        List<String> value = getAttribute(attribute, List.class);
        return value == null ? List.of() : value;
    }
}
