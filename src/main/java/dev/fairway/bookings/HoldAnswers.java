package dev.fairway.bookings;

import dev.fairway.web.Instants;
import dev.fairway.web.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of a hold and the problems only holds have. */
public final class HoldAnswers {

    private HoldAnswers() {
    }

    /** The hold as the contract shows it, its status as of {@code now}. */
    public static Map<String, Object> json(Hold hold, ZoneId zone, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", hold.id());
        json.put("courseId", hold.courseId());
        json.put("start", Instants.format(hold.start(), zone));
        json.put("tee", hold.tee());
        json.put("holes", hold.holes());
        if (hold.turn() == null) {
            json.put("turn", null);
        } else {
            Map<String, Object> turn = new LinkedHashMap<>();
            turn.put("tee", hold.turn().tee());
            turn.put("start", Instants.format(hold.turn().start(), zone));
            json.put("turn", turn);
        }
        json.put("players", hold.players());
        json.put("status", hold.status(now));
        json.put("expiresAt", Instants.format(hold.expiresAt(), zone));
        json.put("pricePerPlayer", hold.pricePerPlayer() == null ? null : BookingAnswers.money(hold.pricePerPlayer()));
        if (hold.bookingId() != null) {
            json.put("bookingId", hold.bookingId());
        }
        return json;
    }

    /** The problem+json body of 409 {@code suspended}, for the waitlist's answers. */
    public static String suspended(Instant until, dev.fairway.teesheet.Course course) {
        return BookingAnswers.suspended(until, course).body();
    }

    static Problem holdLimit(String courseId) {
        return Problem.of(409, "hold-limit", "You already hold a tee time here",
                "you hold a tee time at course " + courseId + " already: confirm or release it before holding another");
    }

    static Problem ended(Hold hold, Instant now) {
        return Problem.of(410, "hold-expired", "Hold ended", "released".equals(hold.status(now))
                ? "this hold was released: its spots are free for others. Hold the tee time again if it is still open"
                : "this hold ended at " + hold.expiresAt() + " and its spots are free for others. "
                        + "Hold the tee time again if it is still open");
    }
}
