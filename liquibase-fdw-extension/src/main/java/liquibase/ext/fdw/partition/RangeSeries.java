package liquibase.ext.fdw.partition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slices of {@code createRangePartitions}: from {@code from} to {@code to} in steps of an interval (N years,
 * months, days or hours over dates and timestamps, or a number over integer keys), each named by a pattern with
 * placeholders {@code {yyyy} {MM} {dd} {HH} {mm}} (slice start), {@code {n}} (1-based slice number) and
 * {@code {from} {to}} (the slice's bounds as written). The last slice ends at {@code to}.
 */
public final class RangeSeries {
    /** The most slices one change may create. */
    public static final int MAX_SLICES = 10_000;

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(year|month|day|hour)s?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("yyyy", "MM", "dd", "HH", "mm", "n", "from", "to");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One slice: its bounds as SQL literal text and its name. */
    public record Slice(String from, String to, String name) {
    }

    private RangeSeries() {
    }

    /**
     * The slices, or an empty list after adding "attribute ...; fix" details to {@code errors}.
     * {@code remotePattern} may be null; the names come from {@code namePattern}.
     */
    public static List<Slice> slices(String from, String to, String interval, String namePattern, List<String> errors) {
        if (from == null || to == null || interval == null || namePattern == null) {
            errors.add("attributes 'from', 'to', 'interval' and 'namePattern' are required, e.g. from=\"2016-01-01\""
                    + " to=\"2019-01-01\" interval=\"1 year\" namePattern=\"temperatures_{yyyy}\".");
            return List.of();
        }
        Matcher placeholder = PLACEHOLDER.matcher(namePattern);
        while (placeholder.find()) {
            if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                errors.add("namePattern '" + namePattern + "' has the unknown placeholder {" + placeholder.group(1)
                        + "}; use {yyyy}, {MM}, {dd}, {HH}, {mm}, {n}, {from} or {to}.");
                return List.of();
            }
        }
        List<Slice> slices = INTERVAL.matcher(interval.trim()).matches()
                ? timeSlices(from.trim(), to.trim(), interval.trim(), namePattern, errors)
                : numberSlices(from.trim(), to.trim(), interval.trim(), namePattern, errors);
        Set<String> names = new HashSet<>();
        for (Slice slice : slices) {
            if (!names.add(slice.name())) {
                errors.add("namePattern '" + namePattern + "' gives the name '" + slice.name() + "' to more than one slice;"
                        + " add the placeholder of the interval's unit (" + unitPlaceholder(interval) + ") or {n}.");
                return List.of();
            }
        }
        return slices;
    }

    private static String unitPlaceholder(String interval) {
        Matcher m = INTERVAL.matcher(interval.trim());
        if (!m.matches()) {
            return "{from}";
        }
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "year" -> "{yyyy}";
            case "month" -> "{MM}";
            case "day" -> "{dd}";
            default -> "{HH}";
        };
    }

    private static List<Slice> timeSlices(String from, String to, String interval, String pattern, List<String> errors) {
        Matcher m = INTERVAL.matcher(interval);
        m.matches();
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (amount < 1) {
            errors.add("interval '" + interval + "' is empty; use a positive amount, e.g. 1 " + unit + ".");
            return List.of();
        }
        boolean dates = isDate(from) && isDate(to);
        LocalDateTime start = dateTime(from);
        LocalDateTime end = dateTime(to);
        if (start == null || end == null) {
            errors.add("from '" + from + "' and to '" + to + "' must be ISO dates (2016-01-01) or timestamps"
                    + " (2016-01-01 00:00:00) for an interval of " + unit + "s.");
            return List.of();
        }
        if (dates && unit.equals("hour")) {
            errors.add("interval '" + interval + "' needs timestamps, but from and to are dates; write from=\"" + from
                    + " 00:00:00\" or use days.");
            return List.of();
        }
        if (!start.isBefore(end)) {
            errors.add("from (" + from + ") is not below to (" + to + "); the series would be empty.");
            return List.of();
        }
        List<Slice> slices = new ArrayList<>();
        LocalDateTime cursor = start;
        while (cursor.isBefore(end)) {
            if (slices.size() == MAX_SLICES) {
                errors.add(tooMany(interval));
                return List.of();
            }
            LocalDateTime next = switch (unit) {
                case "year" -> cursor.plusYears(amount);
                case "month" -> cursor.plusMonths(amount);
                case "day" -> cursor.plusDays(amount);
                default -> cursor.plusHours(amount);
            };
            if (next.isAfter(end)) {
                next = end;
            }
            String f = dates ? cursor.toLocalDate().toString() : cursor.format(TIMESTAMP);
            String t = dates ? next.toLocalDate().toString() : next.format(TIMESTAMP);
            slices.add(new Slice(f, t, name(pattern, cursor, slices.size() + 1, f, t)));
            cursor = next;
        }
        return slices;
    }

    private static List<Slice> numberSlices(String from, String to, String interval, String pattern, List<String> errors) {
        long step;
        long start;
        long end;
        try {
            step = Long.parseLong(interval);
        } catch (NumberFormatException e) {
            errors.add("interval '" + interval + "' is neither 'N years|months|days|hours' nor a whole number; write e.g."
                    + " interval=\"1 month\" or interval=\"100000\".");
            return List.of();
        }
        try {
            start = Long.parseLong(from);
            end = Long.parseLong(to);
        } catch (NumberFormatException e) {
            errors.add("from '" + from + "' and to '" + to + "' must be whole numbers for a numeric interval; for dates use"
                    + " an interval such as '1 month'.");
            return List.of();
        }
        if (step < 1) {
            errors.add("interval '" + interval + "' must be a positive number.");
            return List.of();
        }
        for (String datePart : List.of("{yyyy}", "{MM}", "{dd}", "{HH}", "{mm}")) {
            if (pattern.contains(datePart)) {
                errors.add("namePattern '" + pattern + "' uses " + datePart + ", but the series is numeric; use {from}, {to} or {n}.");
                return List.of();
            }
        }
        if (start >= end) {
            errors.add("from (" + from + ") is not below to (" + to + "); the series would be empty.");
            return List.of();
        }
        if ((end - start + step - 1) / step > MAX_SLICES) {
            errors.add(tooMany(interval));
            return List.of();
        }
        List<Slice> slices = new ArrayList<>();
        for (long cursor = start; cursor < end; cursor += step) {
            long next = Math.min(cursor + step, end);
            String f = Long.toString(cursor);
            String t = Long.toString(next);
            slices.add(new Slice(f, t, name(pattern, null, slices.size() + 1, f, t)));
        }
        return slices;
    }

    private static String tooMany(String interval) {
        return "the series has more than " + MAX_SLICES + " slices; use a larger interval than '" + interval
                + "' or split the range over several changes.";
    }

    private static String name(String pattern, LocalDateTime start, int n, String from, String to) {
        String name = pattern.replace("{n}", Integer.toString(n)).replace("{from}", from).replace("{to}", to);
        if (start != null) {
            name = name.replace("{yyyy}", String.format("%04d", start.getYear()))
                    .replace("{MM}", String.format("%02d", start.getMonthValue()))
                    .replace("{dd}", String.format("%02d", start.getDayOfMonth()))
                    .replace("{HH}", String.format("%02d", start.getHour()))
                    .replace("{mm}", String.format("%02d", start.getMinute()));
        }
        return name;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static LocalDateTime dateTime(String text) {
        if (isDate(text)) {
            return LocalDate.parse(text).atStartOfDay();
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
