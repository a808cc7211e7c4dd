package dev.fairway.bookings;

import dev.fairway.teesheet.Course;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import dev.fairway.web.Problem;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer to each booking outcome. It is rendered inside the booking transaction too,
 * to be stored with an Idempotency-Key and replayed byte for byte, so it depends on nothing but
 * its inputs.
 */
final class BookingAnswers {

    private BookingAnswers() {
    }

    /**
     * A rendered answer.
     *
     * @param status      the HTTP status
     * @param body        the body
     * @param contentType its media type
     */
    record Answer(int status, String body, String contentType) {
    }

    static Answer booked(Booking booking, ZoneId zone) {
        return new Answer(201, text(Json.write(json(booking, zone))), "application/json");
    }

    static Answer refused(BookingOutcome.Refused refused, Course course) {
        Map<String, Object> body = refusal(refused, course);
        return new Answer((Integer) body.get("status"), text(Json.write(body)), Problem.CONTENT_TYPE);
    }

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** The problem+json body of a refusal, naming the slot that refused when there is one. */
    static Map<String, Object> refusal(BookingOutcome.Refused refused, Course course) {
        BookingOutcome.Reason reason = refused.reason();
        int spotsLeft = refused.number();
        if (reason == BookingOutcome.Reason.OUTSIDE_BOOKING_WINDOW && refused.releasesAt() != null) {
            String releasesAt = Instants.format(refused.releasesAt(), course.rules().zone());
            Problem problem = Problem.of(409, "outside-booking-window", "Outside the booking window",
                    "this tee time opens to you at " + releasesAt + ": book it then, or choose an earlier one");
            Map<String, Object> body = problem.members();
            body.put("releasesAt", releasesAt);
            return body;
        }
        // The turn is on the start's local date: its wall-clock time says which slot, in words a golfer reads.
        String where = refused.turn() ? "the round's turn, the " + teeName(refused.slot().tee()) + " tee at "
                + WALL_CLOCK.format(refused.slot().start().atZone(course.rules().zone())) : "this tee time";
        Problem problem = switch (reason) {
            case FULL -> Problem.of(409, "full", "Not enough spots left", spotsLeft == 0
                    ? where + " is full: choose another " + (refused.turn() ? "tee time or 9 holes" : "one")
                    : "only " + spotsLeft + " spot" + (spotsLeft == 1 ? " is" : "s are") + " left at " + where + ": book for "
                            + spotsLeft + " player" + (spotsLeft == 1 ? "" : "s") + " or fewer, or choose another tee time");
            case BLOCKED -> Problem.of(409, "blocked", "Tee time blocked",
                    "the course has blocked " + where + ": choose another " + (refused.turn() ? "tee time" : "one"));
            case NO_TURN -> Problem.of(409, "no-turn", "No tee time at the turn",
                    "an 18-hole round starting here finds no tee time on the tee it turns to in time: choose another "
                            + "tee time, or 9 holes");
            case TOO_SOON -> Problem.of(409, "too-soon", "Too soon to book",
                    "tee times of this course can be booked until " + course.rules().minNoticeMinutes()
                            + " minutes before they start: choose a later one");
            case OUTSIDE_BOOKING_WINDOW -> Problem.of(409, "outside-booking-window", "Outside the booking window",
                    "tee times of this course can be booked at most " + course.rules().bookingWindowDays()
                            + " days ahead: choose an earlier one");
            case TOO_FEW_PLAYERS -> Problem.of(409, "too-few-players", "Too few players",
                    "this tee time takes bookings of at least " + spotsLeft + " players: book for more, or choose "
                            + "another tee time");
            case OPEN_LIMIT_REACHED -> Problem.of(409, "limit-reached", "Booking limit reached",
                    "you hold " + spotsLeft + " booking" + (spotsLeft == 1 ? "" : "s") + " of tee times to come at this "
                            + "course, its maxOpenBookings: cancel one to book another");
            case DAY_LIMIT_REACHED -> Problem.of(409, "limit-reached", "Booking limit reached",
                    "you hold " + spotsLeft + " booking" + (spotsLeft == 1 ? "" : "s") + " on this day at this course, "
                            + "its maxBookingsPerDay: cancel one, or choose another day");
        };
        Map<String, Object> body = problem.members();
        if (refused.slot() == null) {
            return body;
        }
        // The slot that refused, for a client to show: the start slot or the turn slot.
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("tee", refused.slot().tee());
        slot.put("start", Instants.format(refused.slot().start(), course.rules().zone()));
        slot.put("turn", refused.turn());
        body.put("slot", slot);
        return body;
    }

    /** "10th" for tee 10, "1st" for 1, the name itself for a tee named otherwise. */
    static String teeName(String tee) {
        return dev.fairway.teesheet.Tee.spoken(tee);
    }

    /** 409 {@code suspended}: the booker's no-shows keep them from booking here until {@code until}. */
    static Answer suspended(java.time.Instant until, Course course) {
        String when = Instants.format(until, course.rules().zone());
        Problem problem = Problem.of(409, "suspended", "Suspended after no-shows",
                "your no-shows at course " + course.id() + " keep you from booking here until " + when
                        + " (its noShowPolicy): the course's staff can still book for you");
        Map<String, Object> body = problem.members();
        body.put("until", when);
        return new Answer(409, text(Json.write(body)), Problem.CONTENT_TYPE);
    }

    static Answer inProgress() {
        return problem(Problem.of(409, "request-in-progress", "Request in progress",
                "a request with this Idempotency-Key is still being processed: wait for its answer, or send the "
                        + "same request again in a moment"));
    }

    static Answer keyReused() {
        return problem(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                "this Idempotency-Key was used for a different request: use a new key for a new request"));
    }

    static Answer notATeeTime(Course course) {
        return problem(Problem.of(422, "not-a-tee-time", "Not a tee time",
                "no tee time of course " + course.id() + " starts at that instant: choose a start from its availability"));
    }

    static Map<String, Object> json(Booking booking, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", booking.id());
        json.put("courseId", booking.courseId());
        json.put("start", Instants.format(booking.start(), zone));
        json.put("players", booking.players());
        json.put("name", booking.name());
        json.put("email", booking.email());
        json.put("status", booking.status().json());
        json.put("createdAt", Instants.format(booking.createdAt(), zone));
        if (booking.golferId() != null) {
            json.put("golferId", booking.golferId());
        }
        json.put("tee", booking.tee());
        json.put("holes", booking.holes());
        if (booking.turn() == null) {
            json.put("turn", null);
        } else {
            Map<String, Object> turn = new LinkedHashMap<>();
            turn.put("tee", booking.turn().tee());
            turn.put("start", Instants.format(booking.turn().start(), zone));
            json.put("turn", turn);
        }
        json.put("pricePerPlayer", booking.pricePerPlayer() == null ? null : money(booking.pricePerPlayer()));
        json.put("price", booking.price() == null ? null : money(booking.price()));
        if (booking.groupId() != null) {
            json.put("groupId", booking.groupId());
        }
        return json;
    }

    /** The booking as the staff see it: with their notes, which the golfer's link does not show. */
    static Map<String, Object> staffJson(Booking booking, ZoneId zone) {
        Map<String, Object> json = json(booking, zone);
        json.put("notes", booking.notes());
        return json;
    }

    /** A price as the contract writes it: a decimal string, with the decimals the rate was given with. */
    static String money(java.math.BigDecimal amount) {
        return amount.toPlainString();
    }

    static Answer problem(Problem problem) {
        return new Answer(problem.status(), text(Json.write(problem)), Problem.CONTENT_TYPE);
    }

    static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
