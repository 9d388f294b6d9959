package liquibase.ext.fdw.option;

import java.util.Locale;

/** What an ALTER does with an option: ADD a new one, SET a present one to a new value, or DROP it. */
public enum OptionAction {
    ADD, SET, DROP;

    /** The option's action; a missing action means ADD. Unknown actions are refused by {@link OptionChecks} first. */
    public static OptionAction of(FdwOption option) {
        return option.getAction() == null ? ADD : valueOf(option.getAction().trim().toUpperCase(Locale.ROOT));
    }

    /** Whether {@code text} names an action, in any case. */
    public static boolean isValid(String text) {
        for (OptionAction action : values()) {
            if (action.name().equalsIgnoreCase(text.trim())) {
                return true;
            }
        }
        return false;
    }
}
