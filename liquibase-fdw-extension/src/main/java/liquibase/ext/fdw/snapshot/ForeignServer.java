package liquibase.ext.fdw.snapshot;

import java.util.List;

/**
 * A foreign server: its wrapper, type, version and options as {@code name=value}, sorted by name so that the order
 * they were written in does not count as a difference.
 */
public class ForeignServer extends FdwObject {

    public String getFdwName() {
        return getAttribute("fdwName", String.class);
    }

    public ForeignServer setFdwName(String fdwName) {
        setAttribute("fdwName", fdwName);
        return this;
    }

    public String getType() {
        return getAttribute("type", String.class);
    }

    public ForeignServer setType(String type) {
        setAttribute("type", type);
        return this;
    }

    public String getVersion() {
        return getAttribute("version", String.class);
    }

    public ForeignServer setVersion(String version) {
        setAttribute("version", version);
        return this;
    }

    /** Options as {@code name=value}, sorted. */
    public List<String> getOptions() {
        return strings("options");
    }

    public ForeignServer setOptions(List<String> options) {
        options(options);
        return this;
    }
}
