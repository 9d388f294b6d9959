package liquibase.ext.fdw.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One node declared in {@link FdwTopology#nodes()}, with the keys of a topology file's node: embedded unless a
 * {@link #url()} is given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface FdwNode {

    /** The node's name ({@code [A-Za-z0-9_.-]+}); an embedded node's database has the same name. */
    String name();

    /** The node's changelog, relative to {@link FdwTopology#changeLogDirectory()}; empty for none. */
    String changeLogFile() default "";

    /** Nodes updated before this one. */
    String[] dependsOn() default {};

    /** JDBC URL of an external node, used as it is; empty for an embedded node. */
    String url() default "";

    /** Login role of an external node. */
    String username() default "";

    /** Environment variable holding an external node's password. */
    String passwordEnv() default "";

    /** Changelog parameters for this node, as {@code name=value}. */
    String[] properties() default {};
}
