package dev.fairway.bookings;

import dev.fairway.teesheet.Course;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import dev.fairway.web.Problem;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP answer to each group outcome. Like {@link BookingAnswers}, rendered inside the
 * transaction too, to be stored with an Idempotency-Key and replayed byte for byte.
 */
final class GroupAnswers {

    private GroupAnswers() {
    }

    static BookingAnswers.Answer booked(GroupOutcome.Booked booked, Course course) {
        return new BookingAnswers.Answer(201, BookingAnswers.text(Json.write(json(booked.groupId(), course.id(),
                booked.players(), booked.parts(), course.rules().zone()))), "application/json");
    }

    static Map<String, Object> json(String groupId, String courseId, int players, List<Booking> parts, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", groupId);
        json.put("courseId", courseId);
        json.put("players", players);
        json.put("bookings", parts.stream().map(part -> BookingAnswers.json(part, zone)).toList());
        return json;
    }

    /**
     * The first part's refusal, as a booking's, said of the group: its detail names the part and
     * its tee time, and {@code part} (from 1) and {@code slot} say which for a client to show.
     */
    static BookingAnswers.Answer refused(GroupOutcome.Refused refused, Course course) {
        BookingOutcome.Refused refusal = refused.refusal();
        Map<String, Object> body = BookingAnswers.refusal(refusal, course);
        String at = Instants.format(refused.start(), course.rules().zone());
        body.put("detail", "nothing was booked, because of the group's tee time " + (refused.part() + 1) + " at " + at
                + ": " + body.get("detail"));
        body.put("part", refused.part() + 1);
        if (!body.containsKey("slot")) {
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("tee", refused.tee());
            slot.put("start", at);
            slot.put("turn", false);
            body.put("slot", slot);
        }
        return new BookingAnswers.Answer((Integer) body.get("status"), BookingAnswers.text(Json.write(body)),
                Problem.CONTENT_TYPE);
    }

    static BookingAnswers.Answer notATeeTime(GroupOutcome.NotATeeTime missing, Course course) {
        if (missing.found() == 0) {
            return BookingAnswers.notATeeTime(course);
        }
        return BookingAnswers.problem(Problem.of(422, "not-a-tee-time", "Not enough tee times",
                "the group needs " + missing.needed() + " consecutive tee times of its tee from its start, and the day "
                        + "has " + missing.found() + ": start earlier, or book fewer players"));
    }
}
