package liquibase.ext.fdw.secret;

import liquibase.configuration.AutoloadedConfigurations;
import liquibase.configuration.ConfigurationDefinition;

/**
 * The extension's Liquibase configuration properties, registered like Liquibase's own: each is read from a JVM
 * system property, the environment, the CLI's defaults file ({@code liquibase.properties}) or a global CLI flag, and
 * listed by {@code liquibase --help}.
 */
public class FdwConfiguration implements AutoloadedConfigurations {

    /**
     * {@code liquibase.fdw.revealSecrets} (env {@code LIQUIBASE_FDW_REVEAL_SECRETS}, CLI {@code --fdw-reveal-secrets}):
     * true writes the real value of secret options (password, sslpassword) into SQL output instead of the mask.
     */
    public static final ConfigurationDefinition<Boolean> REVEAL_SECRETS;

    static {
        ConfigurationDefinition.Builder builder = new ConfigurationDefinition.Builder("liquibase.fdw");
        REVEAL_SECRETS = builder.define("revealSecrets", Boolean.class)
                .setDescription("Write the real value of secret postgres_fdw options (password, sslpassword) into SQL"
                        + " output (update-sql, rollback-sql) instead of '********'. Statements sent to a database"
                        + " always carry the real value.")
                .setDefaultValue(false)
                .build();
    }
}
