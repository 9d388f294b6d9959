package liquibase.ext.fdw.topology.command;

import liquibase.ext.fdw.topology.InvalidArgumentException;
import liquibase.ext.fdw.topology.LiveLockException;
import liquibase.ext.fdw.topology.LockHeldException;
import liquibase.ext.fdw.topology.MissingFileException;
import liquibase.ext.fdw.topology.MissingSecretException;
import liquibase.ext.fdw.topology.RollbackTargetException;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.verify.DriftException;

/** The engine's exceptions in the Liquibase CLI's words: the fix as a CLI user types it ({@code --nodes=...}). */
final class CliMessages {
    private CliMessages() {
    }

    /** {@code releaseLocks} as the CLI spells it: {@code release-locks}. */
    static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    static String describe(TopologyException e, String topologyFile) {
        String again = "liquibase fdw %s --topology-file=" + topologyFile;
        if (e instanceof LockHeldException held) {
            return held.describeLocks() + "; wait for that update to finish, or if it died, run "
                    + again.formatted("release-locks") + " --nodes=" + held.nodeNames() + ". Nothing was changed on any node.";
        }
        if (e instanceof LiveLockException live) {
            return e.getMessage() + " If that run is known to be gone, run " + again.formatted("release-locks")
                    + " --force=true --nodes=" + live.nodeNames() + ".";
        }
        if (e instanceof RollbackTargetException target) {
            return e.getMessage() + " Tag those nodes first (" + again.formatted("tag") + " --tag=<tag> --nodes="
                    + target.nodeNames() + ") or choose a target every node has.";
        }
        if (e instanceof DriftException) {
            return e.getMessage() + "\nFix them and run " + again.formatted("verify") + " again (--fail-on-drift=false"
                    + " reports drift without failing).";
        }
        if (e instanceof MissingSecretException secret) {
            return switch (secret.source()) {
                case SERVER_ID -> "node '" + secret.node() + "': serverId '" + secret.name() + "' names a Maven"
                        + " settings.xml server, which only the Maven plugin reads; give the node passwordEnv: <VARIABLE>"
                        + " for the Liquibase CLI.";
                case PASSWORD_ENV -> e.getMessage();
                case USERNAME -> "node '" + secret.node() + "' has a url but no username; add username.";
            };
        }
        if (e instanceof MissingFileException file && file.argument().equals("topologyFile")) {
            return e.getMessage().replaceFirst("\\.$", "") + "; create it or pass --topology-file=<path>.";
        }
        if (e instanceof MissingFileException file && file.argument().equals("changeLogDirectory")) {
            return e.getMessage().replaceFirst("\\.$", "") + "; pass --change-log-directory=<directory of the changelogs>.";
        }
        if (e instanceof InvalidArgumentException argument) {
            // The engine names request fields; a CLI user types flags.
            String message = e.getMessage();
            return switch (argument.argument()) {
                case "rollbackTarget" -> message.replaceFirst("^rollbackSQL ", "rollback-sql ")
                        .replace("rollbackCount, rollbackTag and rollbackDate", "--count, --tag and --date");
                case "rollbackCount" -> message.replaceFirst("^rollbackCount ", "--count ");
                case "parallelism" -> message.replaceFirst("^parallelism ", "--parallelism ");
                case "onFailure" -> message.replaceFirst("^onFailure ", "--on-failure ");
                case "tag" -> message.replaceFirst("\\.$", "") + "; pass --tag=<name>.";
                case "timeouts" -> message + " Set them with --connect-timeout, --login-timeout and --socket-timeout.";
                case "rowCheck" -> message.replaceFirst("^rowCheck ", "--row-check ");
                case "sampleRows" -> message.replaceFirst("^sampleRows ", "--sample-rows ")
                        .replace("rowCheck full", "--row-check=full");
                case "postgresVersion" -> message.replaceFirst("\\.$", "")
                        + " (embedded: { postgresVersion: N } in the topology file, or --postgres-version=N).";
                default -> message;
            };
        }
        return e.getMessage();
    }
}
