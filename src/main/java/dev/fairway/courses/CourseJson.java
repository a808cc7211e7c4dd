package dev.fairway.courses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.teesheet.BookingPolicy;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.CourseRules;
import dev.fairway.teesheet.Layout;
import dev.fairway.teesheet.DateOverride;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TimeRange;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.JsonFields;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A course in the contract's JSON: read from a request with every rule of the contract checked
 * (each refusal a 400 naming the field), and written back in the same shape.
 */
public final class CourseJson {

    public static final Pattern COURSE_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    public static final int BOOKING_WINDOW_DAYS = 14;
    public static final String CURRENCY = "USD";
    private static final int MAX_RANGES_PER_DAY = 48;
    private static final int MAX_OVERRIDES = 1000;
    private static final int MAX_RATES = 100;
    private static final int MAX_MINUTES = 10_080;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CourseJson() {
    }

    /** @throws InvalidRequestException naming the course id when it does not match the contract's pattern */
    public static String checkId(String id) {
        if (id == null || !COURSE_ID.matcher(id).matches()) {
            throw new InvalidRequestException("courseId", "courseId must match ^[a-z0-9][a-z0-9-]{0,63}$: lowercase "
                    + "letters, digits and '-', starting with a letter or digit, at most 64 characters");
        }
        return id;
    }

    public static Course read(String id, JsonNode body) {
        JsonFields fields = JsonFields.body(body);
        String name = fields.requiredString("name", 1, 100);
        ZoneId zone = zone(fields);
        int interval = fields.requiredInt("teeTimeIntervalMinutes", 1, 240);
        int maxPlayers = fields.requiredInt("maxPlayersPerTeeTime", 1, 100);
        int window = fields.optionalInt("bookingWindowDays", 0, 730, BOOKING_WINDOW_DAYS);
        int notice = fields.optionalInt("minNoticeMinutes", 0, MAX_MINUTES, 0);
        int cutoff = fields.optionalInt("cancellationCutoffMinutes", 0, MAX_MINUTES, 0);
        Currency currency = currency(fields);
        JsonFields week = fields.optionalObject("weeklyHours")
                .orElseThrow(() -> fields.invalid("weeklyHours", "is required: an object of weekday to ranges, "
                        + "such as {\"MONDAY\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"17:00\"}]}"));
        Map<DayOfWeek, List<TimeRange>> weeklyHours = weeklyHours(week);
        Map<LocalDate, DateOverride> overrides = dateOverrides(fields);
        BookingPolicy policy = BookingPolicyJson.read(fields, maxPlayers);
        Layout layout = LayoutJson.read(fields);
        List<Rate> rates = rates(fields, currency, layout, policy);
        int reminder = fields.optionalInt("reminderHoursBefore", 0, 168, CourseRules.REMINDER_HOURS_BEFORE);
        int round = fields.optionalInt("roundMinutes", 30, 600, CourseRules.ROUND_MINUTES);
        return new Course(id, name, new CourseRules(zone, interval, maxPlayers, window, notice, cutoff, currency,
                weeklyHours, overrides, rates, reminder, round, policy, layout));
    }

    public static ObjectNode write(Course course) {
        CourseRules rules = course.rules();
        ObjectNode json = NODES.objectNode();
        json.put("id", course.id());
        json.put("name", course.name());
        json.put("timeZone", rules.zone().getId());
        json.put("teeTimeIntervalMinutes", rules.teeTimeIntervalMinutes());
        json.put("maxPlayersPerTeeTime", rules.maxPlayersPerTeeTime());
        json.put("bookingWindowDays", rules.bookingWindowDays());
        json.put("minNoticeMinutes", rules.minNoticeMinutes());
        json.put("cancellationCutoffMinutes", rules.cancellationCutoffMinutes());
        json.put("currency", rules.currency().getCurrencyCode());
        json.set("weeklyHours", CourseDocuments.weeklyHours(rules.weeklyHours()));
        json.set("dateOverrides", CourseDocuments.dateOverrides(rules.dateOverrides()));
        json.set("rates", CourseDocuments.rates(rules.rates()));
        // Part 2's fields are shown when set away from their defaults: a course that uses none of
        // them reads back exactly as before.
        if (rules.reminderHoursBefore() != CourseRules.REMINDER_HOURS_BEFORE) {
            json.put("reminderHoursBefore", rules.reminderHoursBefore());
        }
        if (rules.roundMinutes() != CourseRules.ROUND_MINUTES) {
            json.put("roundMinutes", rules.roundMinutes());
        }
        BookingPolicyJson.write(rules.policy(), json);
        LayoutJson.write(rules.layout(), json);
        return json;
    }

    private static ZoneId zone(JsonFields fields) {
        String id = fields.requiredString("timeZone", 1, 64);
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw fields.invalid("timeZone", "must be an IANA time zone id, such as America/New_York");
        }
        return ZoneId.of(id);
    }

    private static Currency currency(JsonFields fields) {
        String code = fields.optionalString("currency", 3, 3).orElse(CURRENCY);
        if (!code.equals(code.toUpperCase(Locale.ROOT))) {
            throw fields.invalid("currency", "must be an ISO 4217 code in capitals, such as USD");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw fields.invalid("currency", "must be an ISO 4217 currency code, such as USD or EUR");
        }
    }

    private static Map<DayOfWeek, List<TimeRange>> weeklyHours(JsonFields week) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, JsonNode> member : week.members()) {
            DayOfWeek day = weekday(member.getKey()).orElseThrow(() -> week.invalid(member.getKey(),
                    "is not a weekday: use MONDAY to SUNDAY"));
            hours.put(day, ranges(JsonFields.objects(member.getValue(), week.path(member.getKey()), MAX_RANGES_PER_DAY)));
        }
        return hours;
    }

    private static Map<LocalDate, DateOverride> dateOverrides(JsonFields fields) {
        Map<LocalDate, DateOverride> overrides = new LinkedHashMap<>();
        for (JsonFields override : fields.objectArray("dateOverrides", MAX_OVERRIDES)) {
            LocalDate date = override.requiredDate("date");
            if (overrides.containsKey(date)) {
                throw override.invalid("date", date + " is overridden twice: override dates must be unique");
            }
            List<TimeRange> hours = override.has("hours")
                    ? ranges(override.objectArray("hours", MAX_RANGES_PER_DAY))
                    : requireHours(override);
            OptionalInt interval = override.optionalInt("teeTimeIntervalMinutes", 1, 240);
            overrides.put(date, new DateOverride(date, hours, interval));
        }
        return overrides;
    }

    private static List<TimeRange> requireHours(JsonFields override) {
        throw override.invalid("hours", "is required: the day's ranges, or [] to close it");
    }

    private static List<TimeRange> ranges(List<JsonFields> elements) {
        List<TimeRange> ranges = new ArrayList<>();
        for (JsonFields element : elements) {
            var first = element.requiredTime("firstTeeTime");
            var last = element.requiredTime("lastTeeTime");
            if (first.isAfter(last)) {
                throw element.invalid("lastTeeTime", "must not be before firstTeeTime");
            }
            TimeRange range = new TimeRange(first, last);
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i).overlaps(range)) {
                    throw element.invalid("firstTeeTime", "overlaps range " + i + " of the same day: ranges must not overlap");
                }
            }
            ranges.add(range);
        }
        return ranges;
    }

    private static List<Rate> rates(JsonFields fields, Currency currency, Layout layout, BookingPolicy policy) {
        List<Rate> rates = new ArrayList<>();
        for (JsonFields rate : fields.objectArray("rates", MAX_RATES)) {
            String name = rate.requiredString("name", 1, 100);
            Set<DayOfWeek> days = weekdays(rate);
            var from = rate.requiredTime("from");
            var until = rate.requiredTime("until");
            if (!from.isBefore(until)) {
                throw rate.invalid("until", "must be after from");
            }
            BigDecimal price = rate.requiredDecimalString("pricePerPlayer");
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            if (price.stripTrailingZeros().scale() > digits) {
                throw rate.invalid("pricePerPlayer", "has more decimals than " + currency.getCurrencyCode()
                        + " allows (" + digits + ")");
            }
            Optional<Integer> holes = rate.has("holes") ? Optional.of(rate.requiredInt("holes", 9, 18)) : Optional.empty();
            if (holes.isPresent() && !layout.rounds().contains(holes.get())) {
                throw rate.invalid("holes", "must be one of the course's rounds " + layout.rounds());
            }
            Set<String> classes = new java.util.LinkedHashSet<>(rate.stringArray("classes", 20).orElse(List.of()));
            for (String c : classes) {
                if (policy.bookingClass(c, 0).isEmpty()) {
                    throw rate.invalid("classes", "names '" + c + "', which is no booking class of this course");
                }
            }
            rates.add(new Rate(name, days, from, until, price, holes, classes));
        }
        return rates;
    }

    /** The rule's {@code days}: empty for every day when left out. */
    static Set<DayOfWeek> weekdays(JsonFields rule) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        var listed = rule.stringArray("days", 7);
        if (listed.isPresent()) {
            if (listed.get().isEmpty()) {
                throw rule.invalid("days", "must name at least one weekday, or be left out for every day");
            }
            for (String text : listed.get()) {
                DayOfWeek day = weekday(text).orElseThrow(() -> rule.invalid("days", "holds '" + text
                        + "', which is not a weekday: use MONDAY to SUNDAY"));
                if (!days.add(day)) {
                    throw rule.invalid("days", "names " + day + " twice");
                }
            }
        }
        return days;
    }

    private static java.util.Optional<DayOfWeek> weekday(String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(text)) {
                return java.util.Optional.of(day);
            }
        }
        return java.util.Optional.empty();
    }
}
