package liquibase.ext.fdw.maven;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Rollback targets shared by rollback and rollbackSQL: exactly one of count, tag and date. */
public abstract class AbstractRollbackMojo extends AbstractRunnerMojo {
    /** Number of changesets to roll back on each node. */
    @Parameter(property = "fdw.rollbackCount")
    protected Integer rollbackCount;

    /** Tag to roll back to on each node. */
    @Parameter(property = "fdw.rollbackTag")
    protected String rollbackTag;

    /** Date and time to roll back to, as {@code yyyy-MM-dd'T'HH:mm:ss} (local time) or {@code yyyy-MM-dd}. */
    @Parameter(property = "fdw.rollbackDate")
    protected String rollbackDate;

    @Override
    protected Integer rollbackCount() {
        return rollbackCount;
    }

    @Override
    protected String tag() {
        return rollbackTag;
    }

    @Override
    protected Date rollbackDate() throws MojoFailureException {
        if (rollbackDate == null || rollbackDate.isBlank()) {
            return null;
        }
        String text = rollbackDate.trim();
        try {
            LocalDateTime time = text.length() == 10 ? LocalDateTime.parse(text + "T00:00:00") : LocalDateTime.parse(text);
            return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("rollbackDate is '" + text
                    + "'; write yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd, e.g. -Dfdw.rollbackDate=2026-01-31T18:00:00.");
        }
    }
}
