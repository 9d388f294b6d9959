package liquibase.ext.fdw.parser;

import liquibase.parser.core.ParserSupportedFileExtension;

/**
 * Liquibase's JSON changelog parser (its YAML parser reading JSON files, as Liquibase's own JSON parser is), keeping
 * where one entry of an extension change's {@code options} list ends, as {@link FdwYamlChangeLogParser} does.
 */
public class FdwJsonChangeLogParser extends FdwYamlChangeLogParser {
    @Override
    protected String[] getSupportedFileExtensions() {
        return ParserSupportedFileExtension.JSON_SUPPORTED_EXTENSIONS.toArray(new String[0]);
    }
}
