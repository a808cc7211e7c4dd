package dev.fairway.courses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.teesheet.Layout;
import dev.fairway.teesheet.StartWindow;
import dev.fairway.teesheet.Tee;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.JsonFields;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Part 3's course fields, {@code rounds}, {@code tees}, {@code turnMinutes} and
 * {@code turnWaitMinutes}: read from a request (a 400 naming the field for each rule), written
 * back only when set away from their defaults (a course that sets none reads back as before), and
 * kept in the course's {@code layout} column in the same shape.
 */
final class LayoutJson {

    static final Pattern TEE_NAME = Pattern.compile("^[A-Za-z0-9]{1,8}$");
    private static final int MAX_TEES = 4;
    private static final int MAX_STARTS = 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LayoutJson() {
    }

    static Layout read(JsonFields course) {
        Set<Integer> rounds = rounds(course);
        List<Tee> tees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonFields> listed = course.has("tees") ? course.objectArray("tees", MAX_TEES) : List.of();
        if (course.has("tees") && listed.isEmpty()) {
            throw course.invalid("tees", "must list 1 to " + MAX_TEES + " tees, or be left out for one tee named 1");
        }
        for (JsonFields tee : listed) {
            String name = tee.requiredString("name", 1, 8);
            if (!TEE_NAME.matcher(name).matches()) {
                throw tee.invalid("name", "must be 1 to 8 letters or digits, such as 1 or 10");
            }
            if (!names.add(name)) {
                throw tee.invalid("name", "names a tee twice: " + name);
            }
            Optional<String> turnsTo = tee.optionalString("turnsTo", 1, 8);
            Optional<List<StartWindow>> starts = tee.has("starts")
                    ? Optional.of(tee.objectArray("starts", MAX_STARTS).stream().map(LayoutJson::startWindow).toList())
                    : Optional.empty();
            tees.add(new Tee(name, turnsTo, starts));
        }
        for (int i = 0; i < listed.size(); i++) {
            String target = tees.get(i).turnsTo().orElse(null);
            if (target != null && !names.contains(target)) {
                throw listed.get(i).invalid("turnsTo", "names no tee of this course: " + target);
            }
        }
        int turn = course.optionalInt("turnMinutes", 30, 300, Layout.TURN_MINUTES);
        int wait = course.optionalInt("turnWaitMinutes", 0, 60, Layout.TURN_WAIT_MINUTES);
        return new Layout(tees.isEmpty() ? Layout.DEFAULT.tees() : tees, rounds, turn, wait);
    }

    private static Set<Integer> rounds(JsonFields course) {
        if (!course.has("rounds")) {
            return Layout.ROUNDS;
        }
        JsonNode array = course.node("rounds");
        if (!array.isArray() || array.isEmpty() || array.size() > 2) {
            throw course.invalid("rounds", "must be [9], [18] or [9, 18]");
        }
        Set<Integer> rounds = new TreeSet<>();
        for (JsonNode holes : array) {
            if (!holes.isInt() || (holes.intValue() != 9 && holes.intValue() != 18) || !rounds.add(holes.intValue())) {
                throw course.invalid("rounds", "must be [9], [18] or [9, 18]");
            }
        }
        return rounds;
    }

    private static StartWindow startWindow(JsonFields window) {
        Set<DayOfWeek> days = CourseJson.weekdays(window);
        LocalTime from = window.requiredTime("from");
        LocalTime until = window.requiredTime("until");
        if (!from.isBefore(until)) {
            throw window.invalid("until", "must be after from");
        }
        return new StartWindow(days, from, until);
    }

    /** Writes the fields of {@code layout} that differ from the defaults into {@code course}. */
    static void write(Layout layout, ObjectNode course) {
        if (!layout.rounds().equals(Layout.ROUNDS)) {
            ArrayNode rounds = course.putArray("rounds");
            layout.rounds().forEach(rounds::add);
        }
        if (!layout.tees().equals(Layout.DEFAULT.tees())) {
            ArrayNode tees = course.putArray("tees");
            for (Tee tee : layout.tees()) {
                ObjectNode json = tees.addObject().put("name", tee.name());
                tee.turnsTo().ifPresent(target -> json.put("turnsTo", target));
                tee.starts().ifPresent(windows -> {
                    ArrayNode starts = json.putArray("starts");
                    for (StartWindow window : windows) {
                        ObjectNode w = starts.addObject();
                        if (!window.days().isEmpty()) {
                            ArrayNode days = w.putArray("days");
                            EnumSet.copyOf(window.days()).forEach(d -> days.add(d.name()));
                        }
                        w.put("from", window.from().toString()).put("until", window.until().toString());
                    }
                });
            }
        }
        if (layout.turnMinutes() != Layout.TURN_MINUTES) {
            course.put("turnMinutes", layout.turnMinutes());
        }
        if (layout.turnWaitMinutes() != Layout.TURN_WAIT_MINUTES) {
            course.put("turnWaitMinutes", layout.turnWaitMinutes());
        }
    }

    /** The stored document: the same fields as the course's JSON ({} for the default). */
    static String stored(Layout layout) {
        ObjectNode json = NODES.objectNode();
        write(layout, json);
        return json.toString();
    }

    static Layout readStored(JsonNode json) {
        try {
            return read(JsonFields.body(json));
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("the stored layout is not valid: " + e.getMessage(), e);
        }
    }
}
