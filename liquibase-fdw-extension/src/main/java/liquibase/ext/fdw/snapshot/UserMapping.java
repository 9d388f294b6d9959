package liquibase.ext.fdw.snapshot;

import java.util.List;

/**
 * A user mapping, named {@code <local user>@<server>}: its options without the secrets ({@code password},
 * {@code sslpassword} are never read into a snapshot; {@link #getPasswordSet()} only says a password exists).
 */
public class UserMapping extends FdwObject {

    /** The local role, {@code public} for PUBLIC. */
    public String getUserName() {
        return getAttribute("userName", String.class);
    }

    public UserMapping setUserName(String userName) {
        setAttribute("userName", userName);
        return this;
    }

    public String getServerName() {
        return getAttribute("serverName", String.class);
    }

    public UserMapping setServerName(String serverName) {
        setAttribute("serverName", serverName);
        return this;
    }

    /** Options other than the secrets as {@code name=value}, sorted. */
    public List<String> getOptions() {
        return strings("options");
    }

    public UserMapping setOptions(List<String> options) {
        options(options);
        return this;
    }

    /** Whether the mapping has a password (its value is never read). */
    public Boolean getPasswordSet() {
        return getAttribute("passwordSet", Boolean.class);
    }

    public UserMapping setPasswordSet(Boolean passwordSet) {
        setAttribute("passwordSet", passwordSet);
        return this;
    }
}
