package liquibase.ext.fdw.parser;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.ext.fdw.internal.YamlLayout;
import liquibase.parser.core.yaml.YamlChangeLogParser;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase's YAML changelog parser, keeping two things it loses for the extension's changes and preconditions:
 * where one entry of an {@code options} list ends (it flattens the list, so a key written first in a later entry
 * could join the option before), and which values were unquoted timestamps (it hands them on as text it rewrote in
 * the JVM's time zone, which a change could not tell from text the user wrote).
 */
public class FdwYamlChangeLogParser extends YamlChangeLogParser {
    private final YamlLayout layout = new YamlLayout();

    @Override
    public int getPriority() {
        return super.getPriority() + 1;
    }

    @Override
    public DatabaseChangeLog parse(String physicalChangeLogLocation, ChangeLogParameters changeLogParameters,
            ResourceAccessor resourceAccessor) throws ChangeLogParseException {
        return layout.parse(physicalChangeLogLocation, resourceAccessor,
                () -> super.parse(physicalChangeLogLocation, changeLogParameters, resourceAccessor));
    }

    @Override
    protected void replaceParameters(Object obj, ChangeLogParameters changeLogParameters, DatabaseChangeLog changeLog)
            throws ChangeLogParseException {
        layout.keep(obj);
        super.replaceParameters(obj, changeLogParameters, changeLog);
    }
}
