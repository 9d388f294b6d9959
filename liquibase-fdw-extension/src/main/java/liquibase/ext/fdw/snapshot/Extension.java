package liquibase.ext.fdw.snapshot;

/** An installed extension (CREATE EXTENSION): its name, the schema it was installed into and its version. */
public class Extension extends FdwObject {

    public String getVersion() {
        return getAttribute("version", String.class);
    }

    public Extension setVersion(String version) {
        setAttribute("version", version);
        return this;
    }
}
