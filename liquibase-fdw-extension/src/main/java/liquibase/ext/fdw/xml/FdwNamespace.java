package liquibase.ext.fdw.xml;

/** The extension's XML namespace and the schema locations served from the jar. */
public final class FdwNamespace {
    /** The namespace of every change type and precondition of this extension. */
    public static final String URI = "http://lbfdw.github.io/xml/ns/fdw";
    /** The prefix used in examples and when Liquibase serialises changelogs. */
    public static final String PREFIX = "fdw";
    /** The versioned schema. */
    public static final String XSD_1_0 = URI + "/liquibase-fdw-1.0.xsd";
    /** Always the newest schema. */
    public static final String XSD_LATEST = URI + "/liquibase-fdw-latest.xsd";

    private FdwNamespace() {
    }
}
