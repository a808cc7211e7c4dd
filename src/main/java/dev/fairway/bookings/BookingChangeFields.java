package dev.fairway.bookings;

import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Layout;
import dev.fairway.web.JsonFields;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a staff change of a booking from its request: each field checked against the course, a
 * 400 naming it otherwise; a field this operation does not take is refused, not ignored (a typo
 * must not look like a change that was made).
 */
final class BookingChangeFields {

    static final int MAX_NOTES = 500;
    private static final Set<String> FIELDS = Set.of("start", "tee", "holes", "players", "name", "notes", "status");

    private BookingChangeFields() {
    }

    static BookingChange read(JsonFields body, Course course) {
        for (Map.Entry<String, ?> member : body.members()) {
            if (!FIELDS.contains(member.getKey())) {
                throw body.invalid(member.getKey(), "is not a field of a booking's change: send any of "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        Layout layout = course.rules().layout();
        Optional<Instant> start = body.has("start") ? Optional.of(body.requiredInstant("start")) : Optional.empty();
        Optional<String> tee = body.optionalString("tee", 1, 8);
        if (tee.isPresent() && layout.tee(tee.get()).isEmpty()) {
            throw body.invalid("tee", "must be one of the course's tees " + layout.tees().stream().map(t -> t.name()).toList());
        }
        OptionalInt holes = body.optionalInt("holes", 9, 18);
        if (holes.isPresent() && !layout.rounds().contains(holes.getAsInt())) {
            throw body.invalid("holes", "must be one of the course's rounds " + layout.rounds());
        }
        int max = course.rules().maxPlayersPerTeeTime();
        OptionalInt players = body.optionalInt("players", 1, max);
        Optional<String> name = body.optionalString("name", 1, 100);
        if (name.isPresent() && name.get().isBlank()) {
            throw body.invalid("name", "must not be blank");
        }
        // null or "" clears the notes.
        Optional<Optional<String>> notes = body.node("notes").isNull() ? Optional.of(Optional.empty())
                : body.optionalString("notes", 0, MAX_NOTES).map(Optional::of);
        Optional<Booking.Status> status = body.optionalString("status", 1, 20).map(text -> switch (text) {
            case "confirmed" -> Booking.Status.CONFIRMED;
            case "checked-in" -> Booking.Status.CHECKED_IN;
            case "no-show" -> Booking.Status.NO_SHOW;
            case "cancelled" -> throw body.invalid("status", "is not changed to cancelled here: cancel with "
                    + "DELETE /api/bookings/{id}, which gives the spots back and tells the golfer");
            default -> throw body.invalid("status", "must be confirmed, checked-in or no-show");
        });
        return new BookingChange(start, tee, holes.isPresent() ? Optional.of(holes.getAsInt()) : Optional.empty(),
                players.isPresent() ? Optional.of(players.getAsInt()) : Optional.empty(), name, notes, status);
    }
}
