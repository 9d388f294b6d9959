package liquibase.ext.fdw.change.droppartitionsolderthan;

/** What dropPartitionsOlderThan does with a partition past the cutoff (pg_partman's retention_keep_table / retention_schema). */
public enum RetentionMode {
    /** DETACH PARTITION; the table stays where it is. */
    DETACH("detach"),
    /** DETACH PARTITION, then DROP [FOREIGN] TABLE. */
    DROP("drop"),
    /** DETACH PARTITION, then SET SCHEMA retentionSchema. */
    MOVE_TO_SCHEMA("moveToSchema");

    private final String attribute;

    RetentionMode(String attribute) {
        this.attribute = attribute;
    }

    /** The value as written in a changelog. */
    public String attribute() {
        return attribute;
    }

    /** The mode written {@code text} (exactly as the XSD spells it, so XML and YAML accept the same), or null. */
    public static RetentionMode parse(String text) {
        for (RetentionMode mode : values()) {
            if (mode.attribute.equals(text.trim())) {
                return mode;
            }
        }
        return null;
    }
}
