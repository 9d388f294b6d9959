package liquibase.ext.fdw.precondition;

import java.util.ArrayList;
import java.util.List;

/** Holds when the extension is installed in the database. */
public class ExtensionExistsPrecondition extends AbstractCatalogPrecondition {
    private String name;

    @Override
    public String getName() {
        return "extensionExists";
    }

    public String getExtensionName() {
        return name;
    }

    /** The extension, e.g. postgres_fdw (attribute {@code name}). */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getSerializedObjectName() {
        return "extensionExists";
    }

    @Override
    protected List<String> missingAttributes() {
        List<String> missing = new ArrayList<>();
        require(missing, "name", name);
        return missing;
    }

    @Override
    protected String query() {
        return "SELECT extname FROM pg_extension WHERE extname = ?";
    }

    @Override
    protected List<String> parameters() {
        return List.of(name);
    }

    @Override
    protected String failure(List<String> rows) {
        return "Extension " + name + " is not installed";
    }
}
