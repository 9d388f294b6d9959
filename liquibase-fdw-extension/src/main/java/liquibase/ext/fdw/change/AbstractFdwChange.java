package liquibase.ext.fdw.change;

import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.change.AbstractChange;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeParameterMetaData;
import liquibase.change.ChangeWithColumns;
import liquibase.change.ColumnConfig;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.internal.ChangelogInput;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.ext.fdw.xml.FdwNamespace;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;

/**
 * Base of every liquibase-fdw change type: the XML namespace, located validation messages, and the checks every change
 * gets: the changelog text as parsed (unknown attributes, YAML/JSON scalars whose written text is lost, unresolved
 * {@code ${...}}) and the length of names.
 */
public abstract class AbstractFdwChange extends AbstractChange {
    /**
     * Text attributes that hold a whole number (hash modulus and remainder, a port, a numeric interval), so an
     * unquoted YAML/JSON integer means that number, as it does for an attribute typed as a number.
     */
    private static final Set<String> INTEGER_TEXT = Set.of("modulus", "remainder", "port", "interval", "moveRowsBatchSize");

    private List<ChangelogInput.Finding> inputFindings = List.of();

    @Override
    public String getSerializedObjectNamespace() {
        return FdwNamespace.URI;
    }

    @Override
    public void load(ParsedNode parsedNode, ResourceAccessor resourceAccessor) throws ParsedNodeException {
        // Inspected before Liquibase converts the values: afterwards a date or number is text that looks written.
        inputFindings = ChangelogInput.inspect(this, parsedNode, INTEGER_TEXT, this::createEmptyColumnConfig);
        super.load(parsedNode, resourceAccessor);
    }

    /**
     * The errors every validation starts with: problems of the changelog text and names longer than PostgreSQL
     * keeps. Subclasses begin their {@code validate} with it.
     */
    protected ValidationErrors inputErrors() {
        ValidationErrors errors = new ValidationErrors();
        for (ChangelogInput.Finding finding : inputFindings) {
            errors.addError(ChangeMessages.format(this, finding.detail()));
        }
        checkNameLengths(errors);
        return errors;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        return errors.hasErrors() ? errors : super.validate(database);
    }

    /** PostgreSQL cuts names to 63 bytes without an error, so two long names can silently become one. */
    private void checkNameLengths(ValidationErrors errors) {
        Map<String, ChangeParameterMetaData> parameters =
                Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(this).getParameters();
        for (ChangeParameterMetaData parameter : parameters.values()) {
            String attribute = parameter.getParameterName();
            if (parameter.getDataTypeClass() == String.class && Identifiers.isNameAttribute(attribute)
                    && parameter.getCurrentValue(this) instanceof String value) {
                addIfTooLong(errors, "attribute '" + attribute + "'", value);
            }
        }
        if (this instanceof ChangeWithColumns<?> withColumns && withColumns.getColumns() != null) {
            for (Object column : withColumns.getColumns()) {
                if (column instanceof ColumnConfig config && config.getName() != null) {
                    addIfTooLong(errors, "column name", config.getName());
                }
            }
        }
    }

    private void addIfTooLong(ValidationErrors errors, String what, String value) {
        String problem = Identifiers.tooLong(what, value);
        if (problem != null) {
            errors.addError(ChangeMessages.format(this, problem));
        }
    }

    /** Adds an error unless {@code value} holds text; {@code fix} tells the user what to write. */
    protected void require(ValidationErrors errors, String attribute, String value, String fix) {
        if (value == null || value.trim().isEmpty()) {
            errors.addError(ChangeMessages.format(this, "attribute '" + attribute + "' is required; " + fix + "."));
        }
    }

    /**
     * Adds an error when a name that Liquibase's own CREATE/DROP TABLE rendering will print holds a double quote that
     * the rendering does not double (Liquibase 4.33 quotes a mixed-case name without doubling it), so the statement
     * would break; every name the extension renders itself has the quote doubled.
     */
    protected void rejectDoubleQuote(ValidationErrors errors, String attribute, String value) {
        if (value != null && !Identifiers.coreQuotesCorrectly(value)) {
            errors.addError(ChangeMessages.format(this, "attribute '" + attribute + "' is '" + value + "', a mixed-case"
                    + " name holding a double quote, which Liquibase's CREATE/DROP TABLE rendering does not double;"
                    + " write the name in one case or without \"."));
        }
    }

    /** Trims text and turns blanks into null, so statements only ever see meaningful values. */
    protected static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
