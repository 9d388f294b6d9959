package liquibase.ext.fdw.partition;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.ext.fdw.sql.Identifiers;

/**
 * The slices of {@code createRangePartitions}, computed the way PostgreSQL computes {@code start + n * interval} for
 * the partition key's type: boundary {@code n} is the (aligned) start plus {@code n} times the interval, never an
 * accumulation, so a monthly series from the 31st does not drift. Over {@code timestamptz} the months and days of
 * the interval are calendar steps in the series' time zone and its hours and minutes are elapsed time, with local
 * times in a DST gap moved forward and ambiguous ones read after the transition, as PostgreSQL does; every boundary
 * is then written with its UTC offset, so the session's TimeZone cannot change it. The start is aligned to the
 * interval's largest unit (year, quarter, month, ISO week, day, hour, minute; N minutes or hours that divide the hour
 * or day to multiples of N; for numbers a multiple of the interval),
 * and the last slice ends at the first boundary at or after {@code to}, so no slice is partial.
 */
public final class RangeSeries {
    /** The most slices one change may create. */
    public static final int MAX_SLICES = 10_000;

    private static final Pattern INTERVAL_PART = Pattern.compile(
            "(\\d+)\\s*(minutes?|mins?|hours?|days?|weeks?|months?|mons?|quarters?|years?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("yyyy", "MM", "dd", "HH", "mm", "n", "from", "to");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /** The partition key's type as the series needs it; UNKNOWN when the parent cannot be read (offline SQL). */
    public enum KeyType {
        /** {@code date}. */
        DATE,
        /** {@code timestamp without time zone}. */
        TIMESTAMP,
        /** {@code timestamp with time zone}. */
        TIMESTAMPTZ,
        /** smallint, integer, bigint or numeric. */
        INTEGER,
        /** Any other type: no series. */
        OTHER,
        /** Not known: dates give date literals, times timestamptz literals with offsets. */
        UNKNOWN
    }

    /** One slice: its bounds as SQL literal text and its name. */
    public record Slice(String from, String to, String name) {
    }

    /**
     * What a series is made of. {@code namePattern} null gives pg_partman's {@code <parent>_p<start>};
     * {@code zone} is the series' time zone (the timeZone attribute, else the database's); {@code zoneGiven} whether
     * the user wrote it.
     */
    public record Request(String parent, String from, String to, String interval, String namePattern, ZoneId zone,
            boolean zoneGiven, boolean align, KeyType keyType) {
    }

    /** An interval as PostgreSQL holds it (months, days, seconds), with the unit it is aligned to. */
    record Step(long months, long days, long seconds, String unit) {
        boolean subDay() {
            return months == 0 && days == 0;
        }
    }

    private RangeSeries() {
    }

    /** The slices, or an empty list after adding "attribute ...; fix" details to {@code errors}. */
    public static List<Slice> slices(Request r, List<String> errors) {
        if (r.from() == null || r.to() == null || r.interval() == null) {
            errors.add("attributes 'from', 'to' and 'interval' are required, e.g. from=\"2016-01-01\" to=\"2019-01-01\""
                    + " interval=\"1 year\".");
            return List.of();
        }
        if (r.namePattern() != null) {
            Matcher placeholder = PLACEHOLDER.matcher(r.namePattern());
            while (placeholder.find()) {
                if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                    errors.add("namePattern '" + r.namePattern() + "' has the unknown placeholder {" + placeholder.group(1)
                            + "}; use {yyyy}, {MM}, {dd}, {HH}, {mm}, {n}, {from} or {to}.");
                    return List.of();
                }
            }
        }
        String interval = r.interval().trim();
        List<Slice> slices = interval.matches("\\d+")
                ? numberSlices(r, r.from().trim(), r.to().trim(), interval, errors)
                : timeSlices(r, r.from().trim(), r.to().trim(), interval, errors);
        Set<String> names = new HashSet<>();
        for (Slice slice : slices) {
            if (names.add(slice.name())) {
                continue;
            }
            if (r.namePattern() == null) {
                errors.add("the default names <tableName>_p<start> give the name '" + slice.name() + "' to more than one"
                        + " slice (a local time that comes twice when daylight saving time ends); set namePattern, e.g. "
                        + r.parent() + "_{n}.");
            } else {
                errors.add("namePattern '" + r.namePattern() + "' gives the name '" + slice.name() + "' to more than one"
                        + " slice; add a placeholder that changes from slice to slice ({dd}, {HH}, {mm}) or {n}.");
            }
            return List.of();
        }
        for (Slice slice : slices) {
            // Names fit, so PostgreSQL cuts none and distinct names stay distinct objects.
            String tooLong = Identifiers.tooLong((r.namePattern() == null ? "the default name <tableName>_p<start>"
                    : "the name namePattern '" + r.namePattern() + "' gives") + " of the slice from " + slice.from(),
                    slice.name());
            if (tooLong != null) {
                errors.add(tooLong);
                return List.of();
            }
        }
        return slices;
    }

    /** The interval as months, days and seconds, or null after adding an error. */
    static Step step(String interval, List<String> errors) {
        Matcher m = INTERVAL_PART.matcher(interval);
        long months = 0;
        long days = 0;
        long seconds = 0;
        String unit = null;
        int end = 0;
        int rank = -1;
        while (m.find()) {
            if (!interval.substring(end, m.start()).isBlank()) {
                break;
            }
            end = m.end();
            long n = Long.parseLong(m.group(1));
            String u = m.group(2).toLowerCase(Locale.ROOT);
            String base;
            int r;
            if (u.startsWith("min")) {
                seconds += n * 60;
                base = "minute";
                r = 0;
            } else if (u.startsWith("hour")) {
                seconds += n * 3600;
                base = "hour";
                r = 1;
            } else if (u.startsWith("day")) {
                days += n;
                base = "day";
                r = 2;
            } else if (u.startsWith("week")) {
                days += 7 * n;
                base = "week";
                r = 3;
            } else if (u.startsWith("mon")) {
                months += n;
                base = "month";
                r = 4;
            } else if (u.startsWith("quarter")) {
                months += 3 * n;
                base = "quarter";
                r = 5;
            } else {
                months += 12 * n;
                base = "year";
                r = 6;
            }
            if (n > 0 && r > rank) {
                rank = r;
                unit = base;
            }
        }
        if (end == 0 || !interval.substring(end).isBlank()) {
            errors.add("interval '" + interval + "' is neither 'N unit' (minutes, hours, days, weeks, months, quarters or"
                    + " years, combined as in '1 day 12 hours') nor a whole number; write e.g. interval=\"1 month\" or"
                    + " interval=\"100000\".");
            return null;
        }
        if (unit == null) {
            errors.add("interval '" + interval + "' is empty; use a positive amount, e.g. 1 month.");
            return null;
        }
        if ("month".equals(unit) && months % 12 == 0) {
            unit = "year";
        } else if ("month".equals(unit) && months % 3 == 0) {
            unit = "quarter";
        } else if ("day".equals(unit) && months == 0 && days % 7 == 0 && seconds == 0) {
            unit = "week";
        }
        return new Step(months, days, seconds, unit);
    }

    private record Point(LocalDateTime local, ZoneOffset offset, boolean hasTime) {
    }

    private static Point point(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            ZoneOffset offset = null;
            if (m.group(7) != null) {
                String o = m.group(7);
                offset = "Z".equals(o) ? ZoneOffset.UTC : ZoneOffset.of(o.length() == 3 ? o : o.substring(0, 3) + ":"
                        + o.substring(o.length() - 2));
            }
            return new Point(local, offset, m.group(4) != null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Slice> timeSlices(Request r, String from, String to, String interval, List<String> errors) {
        Step step = step(interval, errors);
        if (step == null) {
            return List.of();
        }
        Point start = point(from);
        Point end = point(to);
        if (start == null || end == null) {
            errors.add("from '" + from + "' and to '" + to + "' must be dates (2016-01-01) or timestamps (2016-01-01 00:00:00,"
                    + " optionally with an offset: 2016-01-01 00:00:00+00) for an interval of " + interval + ".");
            return List.of();
        }
        KeyType type = r.keyType();
        if (type == KeyType.INTEGER || type == KeyType.OTHER) {
            errors.add("interval '" + interval + "' slices time, but the partition key of " + r.parent() + " is not a date"
                    + " or timestamp; use a whole-number interval for numeric keys.");
            return List.of();
        }
        boolean offsets = start.offset() != null || end.offset() != null;
        if (type == KeyType.UNKNOWN) {
            type = !offsets && !r.zoneGiven() && !start.hasTime() && !end.hasTime() && !step.subDay() ? KeyType.DATE
                    : KeyType.TIMESTAMPTZ;
        }
        if (type == KeyType.DATE && (step.subDay() || step.seconds() != 0)) {
            errors.add("interval '" + interval + "' is shorter than a day or not whole days, but the partition key of "
                    + r.parent() + " is a date; use days, weeks, months, quarters or years.");
            return List.of();
        }
        if (type != KeyType.TIMESTAMPTZ && (offsets || r.zoneGiven())) {
            errors.add("the partition key of " + r.parent() + " is " + (type == KeyType.DATE ? "a date" : "a timestamp without"
                    + " time zone") + ", which ignores UTC offsets and time zones; remove the offset from from/to and the"
                    + " timeZone attribute.");
            return List.of();
        }
        if (type == KeyType.DATE && (start.hasTime() || end.hasTime())) {
            errors.add("from '" + from + "' or to '" + to + "' has a time of day, but the partition key of " + r.parent()
                    + " is a date; write dates such as 2016-01-01.");
            return List.of();
        }
        ZoneId zone = type == KeyType.TIMESTAMPTZ ? r.zone() : ZoneOffset.UTC;
        LocalDateTime first = local(start, zone);
        LocalDateTime last = local(end, zone);
        if (r.align()) {
            first = align(first, step);
        }
        boolean tz = type == KeyType.TIMESTAMPTZ;
        if (!instant(first, zone, tz).isBefore(instant(last, zone, tz))) {
            errors.add("from (" + from + ") is not below to (" + to + "); the series would be empty.");
            return List.of();
        }
        List<ZonedDateTime> bounds = new ArrayList<>();
        ZonedDateTime stop = instant(last, zone, tz);
        for (long n = 0;; n++) {
            ZonedDateTime b = plus(first, step, n, zone, tz);
            bounds.add(b);
            if (!b.isBefore(stop)) {
                break;
            }
            if (bounds.size() > MAX_SLICES) {
                errors.add(tooMany(interval));
                return List.of();
            }
        }
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            String f = literal(bounds.get(i), type);
            String t = literal(bounds.get(i + 1), type);
            LocalDateTime at = bounds.get(i).toLocalDateTime();
            String suffix = at.format(step.subDay() ? TIME_SUFFIX : DAY_SUFFIX);
            slices.add(new Slice(f, t, name(r, at, slices.size() + 1, f, t, suffix)));
        }
        return slices;
    }

    /** The local time a point means in the zone: its own wall time, or its instant seen in the zone. */
    private static LocalDateTime local(Point p, ZoneId zone) {
        return p.offset() == null ? p.local() : p.local().atOffset(p.offset()).atZoneSameInstant(zone).toLocalDateTime();
    }

    /**
     * date_trunc(unit, t), with ISO weeks starting on Monday; N minutes or N hours that divide the hour or the day are
     * aligned to multiples of N within it (a 30-minute series starts at :00 or :30).
     */
    private static LocalDateTime align(LocalDateTime t, Step step) {
        LocalDateTime day = t.toLocalDate().atStartOfDay();
        long minutes = step.seconds() / 60;
        if (step.subDay() && step.seconds() % 60 == 0 && minutes < 60 && 60 % minutes == 0) {
            return t.withSecond(0).withNano(0).withMinute((int) (t.getMinute() / minutes * minutes));
        }
        if (step.subDay() && step.seconds() % 3600 == 0 && minutes < 1440 && 1440 % minutes == 0) {
            long hours = minutes / 60;
            return day.withHour((int) (t.getHour() / hours * hours));
        }
        return switch (step.unit()) {
            case "year" -> day.withDayOfYear(1);
            case "quarter" -> day.withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
            case "month" -> day.withDayOfMonth(1);
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "day" -> day;
            case "hour" -> t.withMinute(0).withSecond(0).withNano(0);
            default -> t.withSecond(0).withNano(0);
        };
    }

    /** A local time resolved as PostgreSQL does: a DST gap moves it forward, an overlap takes the later offset. */
    private static ZonedDateTime instant(LocalDateTime local, ZoneId zone, boolean tz) {
        return tz ? ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap() : local.atZone(ZoneOffset.UTC);
    }

    /** start + n * step: months, then days on the local calendar, then elapsed seconds (timestamptz_pl_interval). */
    private static ZonedDateTime plus(LocalDateTime start, Step step, long n, ZoneId zone, boolean tz) {
        ZonedDateTime t = instant(start.plusMonths(step.months() * n), zone, tz);
        t = instant(t.toLocalDateTime().plusDays(step.days() * n), zone, tz);
        return t.plusSeconds(step.seconds() * n);
    }

    private static String literal(ZonedDateTime t, KeyType type) {
        return switch (type) {
            case DATE -> t.toLocalDate().toString();
            case TIMESTAMP -> t.toLocalDateTime().format(TIMESTAMP);
            default -> t.toLocalDateTime().format(TIMESTAMP) + offset(t.getOffset());
        };
    }

    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        int abs = Math.abs(total);
        String text = sign + String.format("%02d", abs / 3600);
        int minutes = abs % 3600 / 60;
        return minutes == 0 ? text : text + ":" + String.format("%02d", minutes);
    }

    private static List<Slice> numberSlices(Request r, String from, String to, String interval, List<String> errors) {
        long step = Long.parseLong(interval);
        long start;
        long end;
        try {
            start = Long.parseLong(from);
            end = Long.parseLong(to);
        } catch (NumberFormatException e) {
            errors.add("from '" + from + "' and to '" + to + "' must be whole numbers for a numeric interval; for dates use"
                    + " an interval such as '1 month'.");
            return List.of();
        }
        if (r.keyType() != KeyType.INTEGER && r.keyType() != KeyType.UNKNOWN) {
            errors.add("interval '" + interval + "' is a number, but the partition key of " + r.parent() + " is not numeric;"
                    + " use an interval such as '1 month' for dates and timestamps.");
            return List.of();
        }
        if (step < 1) {
            errors.add("interval '" + interval + "' must be a positive number.");
            return List.of();
        }
        if (r.namePattern() != null) {
            for (String datePart : List.of("{yyyy}", "{MM}", "{dd}", "{HH}", "{mm}")) {
                if (r.namePattern().contains(datePart)) {
                    errors.add("namePattern '" + r.namePattern() + "' uses " + datePart + ", but the series is numeric; use"
                            + " {from}, {to} or {n}.");
                    return List.of();
                }
            }
        }
        if (start >= end) {
            errors.add("from (" + from + ") is not below to (" + to + "); the series would be empty.");
            return List.of();
        }
        long first = r.align() ? Math.floorDiv(start, step) * step : start;
        long count = (end - first + step - 1) / step;
        if (count > MAX_SLICES) {
            errors.add(tooMany(interval));
            return List.of();
        }
        List<Slice> slices = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            String f = Long.toString(first + i * step);
            String t = Long.toString(first + (i + 1) * step);
            slices.add(new Slice(f, t, name(r, null, slices.size() + 1, f, t, f)));
        }
        return slices;
    }

    private static String tooMany(String interval) {
        return "the series has more than " + MAX_SLICES + " slices; use a larger interval than '" + interval
                + "' or split the range over several changes.";
    }

    private static String name(Request r, LocalDateTime start, int n, String from, String to, String suffix) {
        if (r.namePattern() == null) {
            return r.parent() + "_p" + suffix;
        }
        String name = r.namePattern().replace("{n}", Integer.toString(n)).replace("{from}", from).replace("{to}", to);
        if (start != null) {
            name = name.replace("{yyyy}", String.format("%04d", start.getYear()))
                    .replace("{MM}", String.format("%02d", start.getMonthValue()))
                    .replace("{dd}", String.format("%02d", start.getDayOfMonth()))
                    .replace("{HH}", String.format("%02d", start.getHour()))
                    .replace("{mm}", String.format("%02d", start.getMinute()));
        }
        return name;
    }
}
