package liquibase.ext.fdw.topology;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.StatusCommandStep;
import liquibase.exception.ValidationFailedException;
import liquibase.ext.fdw.topology.verify.Finding;

/**
 * The changelog side of {@code verify} on one node, through Liquibase's own commands without its lock: {@code
 * validate} for changesets whose checksum changed since they ran, the {@code status} command's listing for
 * changesets not applied yet.
 */
final class ChangelogDrift {
    private final NodeSession session;
    private final Map<String, String> parameters;
    private final RunSettings settings;

    ChangelogDrift(NodeSession session, Map<String, String> parameters, RunSettings settings) {
        this.session = session;
        this.parameters = parameters;
        this.settings = settings;
    }

    /** Checksum mismatches first, then pending changesets; call inside the node's scope. */
    List<Finding> findings() throws Exception {
        String node = session.node().name();
        List<Finding> findings = new ArrayList<>();
        try {
            command("validate").execute();
        } catch (Exception e) {
            ValidationFailedException failed = validationFailure(e);
            if (failed == null) {
                throw e;
            }
            for (String invalid : failed.getInvalidMD5Sums()) {
                // Liquibase words each as "<path>::<id>::<author> was: <old> but is now: <new>".
                int was = invalid.indexOf(" was: ");
                int now = invalid.indexOf(" but is now: ");
                String changeSet = was < 0 ? invalid : invalid.substring(0, was);
                String message = was < 0 || now < 0 ? "the changeset's checksum changed since it was applied"
                        : "the changeset was applied with checksum " + invalid.substring(was + 6, now)
                        + " but the changelog now gives " + invalid.substring(now + 13);
                findings.add(new Finding(node, changeSet, "checksum-mismatch", message, "restore the changeset as it"
                        + " was applied and put the change into a new changeset; if the edit is meant, add"
                        + " validCheckSum with the new checksum to the changeset"));
            }
            if (failed.getInvalidMD5Sums().isEmpty()) {
                findings.add(new Finding(node, session.node().changeLogFile(), "changelog-invalid",
                        Failures.describe(failed).replaceAll("\\s+", " ").strip(), "correct the changelog"));
            }
        }
        // The status command's own listing; the command itself refuses to run while a checksum differs.
        DatabaseChangeLog changeLog = ChangelogCheck.parse(session, parameters);
        for (ChangeSet changeSet : new StatusCommandStep().listUnrunChangeSets(
                new Contexts(Filters.contexts(session.node().contexts(), settings.contexts())),
                new LabelExpression(Filters.labels(session.node().labels(), settings.labels())), changeLog,
                session.database())) {
            findings.add(new Finding(node, changeSet.toString(false), "changeset-pending", "the changeset is in the"
                    + " changelog but not applied on " + node, "run the topology's update"));
        }
        return findings;
    }

    private CommandScope command(String name) throws Exception {
        ChangeLogParameters changeLogParameters = new ChangeLogParameters(session.database());
        parameters.forEach(changeLogParameters::set);
        return new CommandScope(name).addArgumentValue("database", session.database())
                .addArgumentValue("changelogFile", session.node().changeLogFile())
                .addArgumentValue("changelogParameters", changeLogParameters)
                .addArgumentValue("contextFilter", Filters.contexts(session.node().contexts(), settings.contexts()))
                .addArgumentValue("labelFilter", Filters.labels(session.node().labels(), settings.labels()))
                .setOutput(new ByteArrayOutputStream());
    }

    private static ValidationFailedException validationFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ValidationFailedException failed) {
                return failed;
            }
        }
        return null;
    }
}
