package liquibase.ext.fdw.xml;

import liquibase.parser.LiquibaseParser;
import liquibase.parser.NamespaceDetails;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.serializer.LiquibaseSerializer;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;

/** Tells Liquibase's XML parser and serializer about the {@code fdw} namespace and its XSD. */
public class FdwNamespaceDetails implements NamespaceDetails {

    @Override
    public int getPriority() {
        return PRIORITY_EXTENSION;
    }

    @Override
    public boolean supports(LiquibaseSerializer serializer, String namespace) {
        return serializer instanceof XMLChangeLogSerializer && FdwNamespace.URI.equals(namespace);
    }

    @Override
    public boolean supports(LiquibaseParser parser, String namespace) {
        return parser instanceof XMLChangeLogSAXParser && FdwNamespace.URI.equals(namespace);
    }

    @Override
    public String getShortName(String namespace) {
        return FdwNamespace.PREFIX;
    }

    @Override
    public String getSchemaUrl(String namespace) {
        return FdwNamespace.XSD_LATEST;
    }

    @Override
    public String[] getNamespaces() {
        return new String[] {FdwNamespace.URI};
    }
}
