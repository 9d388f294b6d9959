package liquibase.ext.fdw.test;

/** Text the tests' changelogs start with. */
public final class Changelogs {
    /**
     * The opening {@code <databaseChangeLog>} tag of an XML changelog with Liquibase's and the extension's
     * namespaces and schema locations, without a line break after it.
     */
    public static final String XML_OPEN = String.join("\n",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
            "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
            "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">");

    private Changelogs() {
    }
}
