package liquibase.ext.fdw.topology.command;

import liquibase.ext.fdw.topology.InvalidArgumentException;
import liquibase.ext.fdw.topology.LiveLockException;
import liquibase.ext.fdw.topology.LockHeldException;
import liquibase.ext.fdw.topology.MissingFileException;
import liquibase.ext.fdw.topology.MissingSecretException;
import liquibase.ext.fdw.topology.RollbackTargetException;
import liquibase.ext.fdw.topology.TopologyException;

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
        if (e instanceof InvalidArgumentException argument && argument.argument().equals("rollbackTarget")) {
            return e.getMessage().replace("rollbackCount, rollbackTag and rollbackDate", "--count, --tag and --date");
        }
        return e.getMessage();
    }
}
