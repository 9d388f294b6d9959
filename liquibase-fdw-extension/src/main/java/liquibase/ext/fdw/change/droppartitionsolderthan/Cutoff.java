package liquibase.ext.fdw.change.droppartitionsolderthan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The {@code olderThan} of dropPartitionsOlderThan: an interval before now ({@code 2 years}, {@code 90 days}) for
 * date and timestamp keys, or a value of the key's type (a date, a timestamp with or without offset, a number).
 */
public record Cutoff(boolean interval, String text) {
    private static final Pattern INTERVAL = Pattern.compile(
            "\\d+\\s*(minute|hour|day|week|month|year)s?(\\s+\\d+\\s*(minute|hour|day|week|month|year)s?)*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).appendPattern("[XXX][XX][X]").toFormatter();

    /** The cutoff {@code text} means, or null when it is none of the accepted forms. */
    public static Cutoff parse(String text) {
        String value = text.trim();
        if (INTERVAL.matcher(value).matches()) {
            return new Cutoff(true, value);
        }
        if (NUMBER.matcher(value).matches() || isDate(value)) {
            return new Cutoff(false, value);
        }
        return null;
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            // not a date
        }
        String spaced = value.replace('T', ' ');
        try {
            LocalDateTime.parse(spaced.replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            // not a local timestamp
        }
        try {
            OffsetDateTime.parse(spaced, OFFSET);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
