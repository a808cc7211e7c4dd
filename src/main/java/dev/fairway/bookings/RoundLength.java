package dev.fairway.bookings;

import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Layout;
import dev.fairway.web.JsonFields;

/** A request's {@code holes}: one of the course's rounds, 18 when it has 18 and the request says none. */
public final class RoundLength {

    private RoundLength() {
    }

    public static int of(JsonFields body, Course course) {
        Layout layout = course.rules().layout();
        int holes = body.optionalInt("holes", 9, 18, layout.defaultHoles());
        if (!layout.rounds().contains(holes)) {
            throw body.invalid("holes", "must be one of the course's rounds " + layout.rounds());
        }
        return holes;
    }
}
