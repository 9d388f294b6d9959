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

    /** Trims text and turns blanks into null, so statements only ever see meaningful values. */
    protected static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
