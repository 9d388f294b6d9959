package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.InvalidArgumentException;
import liquibase.ext.fdw.topology.LiveLockException;
import liquibase.ext.fdw.topology.LockHeldException;
import liquibase.ext.fdw.topology.MissingFileException;
import liquibase.ext.fdw.topology.MissingSecretException;
import liquibase.ext.fdw.topology.RollbackTargetException;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.verify.DriftException;

/**
 * The engine's exceptions in Maven's words: the engine states the problem, this class adds the fix as a Maven user
 * types it (goals, {@code -Dfdw.*} properties, settings.xml). Every Mojo words failures here, once.
 */
final class MavenMessages {
    private MavenMessages() {
    }

    static String describe(TopologyException e) {
        if (e instanceof LockHeldException held) {
            return held.describeLocks() + "; wait for that update to finish, or if it died, run mvn fdw:releaseLocks"
                    + " -Dfdw.nodes=" + held.nodeNames() + ". Nothing was changed on any node.";
        }
        if (e instanceof RollbackTargetException target) {
            return e.getMessage() + " Tag those nodes first (mvn fdw:tag -Dfdw.tag=<tag> -Dfdw.nodes="
                    + target.nodeNames() + ") or choose a target every node has.";
        }
        if (e instanceof LiveLockException live) {
            return e.getMessage() + " If that run is known to be gone, run mvn fdw:releaseLocks -Dfdw.force=true"
                    + " -Dfdw.nodes=" + live.nodeNames() + ".";
        }
        if (e instanceof DriftException) {
            return e.getMessage() + "\nFix them and run mvn fdw:verify again (-Dfdw.failOnDrift=false reports drift"
                    + " without failing).";
        }
        if (e instanceof MissingSecretException secret) {
            return switch (secret.source()) {
                case SERVER_ID -> "node '" + secret.node() + "': serverId '" + secret.name()
                        + "' is not a <server> in settings.xml; add it there with username and password.";
                case PASSWORD_ENV -> "node '" + secret.node() + "': environment variable '" + secret.name()
                        + "' (passwordEnv) is not set; export it before running Maven.";
                case USERNAME -> "node '" + secret.node() + "' has a url but no username; add username (or a serverId"
                        + " whose settings.xml server has one).";
            };
        }
        if (e instanceof MissingFileException file) {
            return switch (file.argument()) {
                case "topologyFile" -> e.getMessage().replaceFirst("\\.$", "")
                        + "; create it or point -Dfdw.topologyFile at one.";
                case "changeLogDirectory" -> e.getMessage().replaceFirst("\\.$", "")
                        + "; set <changeLogDirectory> (-Dfdw.changeLogDirectory) to the directory of the changelogs.";
                default -> e.getMessage();
            };
        }
        if (e instanceof InvalidArgumentException argument) {
            return switch (argument.argument()) {
                case "rollbackTarget" -> e.getMessage().replace("; ", " (-Dfdw.rollbackCount=1, -Dfdw.rollbackTag=<tag>"
                        + " or -Dfdw.rollbackDate=<yyyy-MM-dd'T'HH:mm:ss>); ");
                case "tag" -> e.getMessage().replaceFirst("\\.$", "") + "; pass -Dfdw.tag=<name>.";
                case "rowCheck" -> e.getMessage().replaceFirst("^rowCheck ", "-Dfdw.rowCheck ");
                case "sampleRows" -> e.getMessage().replaceFirst("^sampleRows ", "-Dfdw.sampleRows ")
                        .replace("rowCheck full", "-Dfdw.rowCheck=full");
                default -> e.getMessage();
            };
        }
        return e.getMessage();
    }
}
