package liquibase.ext.fdw.change;

import liquibase.change.AbstractChange;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.xml.FdwNamespace;

/** Base of every liquibase-fdw change type: the XML namespace and located validation messages. */
public abstract class AbstractFdwChange extends AbstractChange {

    @Override
    public String getSerializedObjectNamespace() {
        return FdwNamespace.URI;
    }

    /** Adds an error unless {@code value} holds text; {@code fix} tells the user what to write. */
    protected void require(ValidationErrors errors, String attribute, String value, String fix) {
        if (value == null || value.trim().isEmpty()) {
            errors.addError(ChangeMessages.format(this, "attribute '" + attribute + "' is required; " + fix + "."));
        }
    }

    /**
     * Adds an error when a name that Liquibase's own CREATE/DROP TABLE rendering will print holds a double quote:
     * that rendering does not double it, so the statement would break.
     */
    protected void rejectDoubleQuote(ValidationErrors errors, String attribute, String value) {
        if (value != null && value.indexOf('"') >= 0) {
            errors.addError(ChangeMessages.format(this, "attribute '" + attribute + "' is '" + value + "', which holds a"
                    + " double quote that Liquibase's CREATE/DROP TABLE rendering cannot quote; choose a name without \"."));
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
