package dev.fairway.courses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.BookingPolicy;
import dev.fairway.teesheet.MinPlayersRule;
import dev.fairway.teesheet.NoShowPolicy;
import dev.fairway.web.JsonFields;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A course's {@code signInRequired}, {@code bookingClasses} and {@code minPlayers}: read from a
 * request with the contract's rules checked, written back (only what is set, so a course that
 * uses none of them reads back as before), and stored as one document.
 */
final class BookingPolicyJson {

    static final Pattern CLASS_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");
    private static final int MAX_CLASSES = 20;
    private static final int MAX_RULES = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BookingPolicyJson() {
    }

    static BookingPolicy read(JsonFields course, int maxPlayers) {
        boolean signInRequired = course.optionalBoolean("signInRequired", false);
        List<BookingClass> classes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonFields element : course.objectArray("bookingClasses", MAX_CLASSES)) {
            String name = element.requiredString("name", 1, 32);
            if (!CLASS_NAME.matcher(name).matches()) {
                throw element.invalid("name", "must match ^[a-z0-9][a-z0-9-]{0,31}$, such as member or public");
            }
            if (!names.add(name)) {
                throw element.invalid("name", "'" + name + "' is listed twice: class names must be unique");
            }
            String mode = element.optionalString("releaseMode", 1, 20).orElse("first-come");
            if (!mode.equals("first-come") && !mode.equals("draw")) {
                throw element.invalid("releaseMode", "must be first-come or draw");
            }
            classes.add(new BookingClass(name, element.requiredInt("bookingWindowDays", 0, 730),
                    element.has("releaseTime") ? element.requiredTime("releaseTime") : LocalTime.MIDNIGHT,
                    element.optionalInt("maxOpenBookings", 1, 1000), element.optionalInt("maxBookingsPerDay", 1, 100),
                    mode.equals("draw"), element.optionalInt("drawEntryHours", 1, 168,
                    BookingClass.DEFAULT_DRAW_ENTRY_HOURS)));
        }
        List<MinPlayersRule> minPlayers = new ArrayList<>();
        for (JsonFields rule : course.objectArray("minPlayers", MAX_RULES)) {
            Set<DayOfWeek> days = CourseJson.weekdays(rule);
            LocalTime from = rule.requiredTime("from");
            LocalTime until = rule.requiredTime("until");
            if (!from.isBefore(until)) {
                throw rule.invalid("until", "must be after from");
            }
            minPlayers.add(new MinPlayersRule(days, from, until, rule.requiredInt("players", 1, maxPlayers)));
        }
        Optional<NoShowPolicy> noShows = course.optionalObject("noShowPolicy").map(policy -> new NoShowPolicy(
                policy.requiredInt("strikes", 1, 20), policy.requiredInt("withinDays", 1, 730),
                policy.requiredInt("suspendDays", 1, 730)));
        return new BookingPolicy(signInRequired, classes, minPlayers, noShows,
                course.optionalInt("holdMinutes", 1, 30), course.optionalInt("waitlistOfferMinutes", 1, 120));
    }

    /** Adds the policy's fields that are set to {@code course}. */
    static void write(BookingPolicy policy, ObjectNode course) {
        if (policy.signInRequired()) {
            course.put("signInRequired", true);
        }
        if (!policy.classes().isEmpty()) {
            ArrayNode classes = course.putArray("bookingClasses");
            for (BookingClass c : policy.classes()) {
                ObjectNode json = classes.addObject();
                json.put("name", c.name());
                json.put("bookingWindowDays", c.bookingWindowDays());
                json.put("releaseTime", c.releaseTime().toString());
                c.maxOpenBookings().ifPresent(n -> json.put("maxOpenBookings", n));
                c.maxBookingsPerDay().ifPresent(n -> json.put("maxBookingsPerDay", n));
                if (c.draw()) {
                    json.put("releaseMode", "draw");
                    json.put("drawEntryHours", c.drawEntryHours());
                }
            }
        }
        if (!policy.minPlayers().isEmpty()) {
            ArrayNode rules = course.putArray("minPlayers");
            for (MinPlayersRule rule : policy.minPlayers()) {
                ObjectNode json = rules.addObject();
                if (!rule.days().isEmpty()) {
                    ArrayNode days = json.putArray("days");
                    EnumSet.copyOf(rule.days()).forEach(d -> days.add(d.name()));
                }
                json.put("from", rule.from().toString());
                json.put("until", rule.until().toString());
                json.put("players", rule.players());
            }
        }
        policy.noShows().ifPresent(noShows -> course.putObject("noShowPolicy").put("strikes", noShows.strikes())
                .put("withinDays", noShows.withinDays()).put("suspendDays", noShows.suspendDays()));
        policy.holdMinutes().ifPresent(minutes -> course.put("holdMinutes", minutes));
        policy.offerMinutes().ifPresent(minutes -> course.put("waitlistOfferMinutes", minutes));
    }

    /** The stored document: the same fields as the course's JSON. */
    static String stored(BookingPolicy policy) {
        ObjectNode json = NODES.objectNode();
        write(policy, json);
        return json.toString();
    }

    static BookingPolicy readStored(JsonNode json) {
        List<BookingClass> classes = new ArrayList<>();
        for (JsonNode c : json.path("bookingClasses")) {
            classes.add(new BookingClass(c.path("name").asText(), c.path("bookingWindowDays").asInt(),
                    LocalTime.parse(c.path("releaseTime").asText()), optional(c.path("maxOpenBookings")),
                    optional(c.path("maxBookingsPerDay")), "draw".equals(c.path("releaseMode").asText()),
                    c.path("drawEntryHours").asInt(BookingClass.DEFAULT_DRAW_ENTRY_HOURS)));
        }
        List<MinPlayersRule> minPlayers = new ArrayList<>();
        for (JsonNode rule : json.path("minPlayers")) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            rule.path("days").forEach(day -> days.add(DayOfWeek.valueOf(day.asText())));
            minPlayers.add(new MinPlayersRule(days, LocalTime.parse(rule.path("from").asText()),
                    LocalTime.parse(rule.path("until").asText()), rule.path("players").asInt()));
        }
        JsonNode noShows = json.path("noShowPolicy");
        BookingPolicy policy = new BookingPolicy(json.path("signInRequired").asBoolean(false), classes, minPlayers,
                noShows.isObject() ? Optional.of(new NoShowPolicy(noShows.path("strikes").asInt(),
                        noShows.path("withinDays").asInt(), noShows.path("suspendDays").asInt())) : Optional.empty(),
                optional(json.path("holdMinutes")), optional(json.path("waitlistOfferMinutes")));
        return policy.isNone() ? BookingPolicy.NONE : policy;
    }

    private static OptionalInt optional(JsonNode value) {
        return value.isInt() ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
    }
}
