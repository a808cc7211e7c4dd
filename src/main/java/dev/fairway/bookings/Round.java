package dev.fairway.bookings;

import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Layout;
import dev.fairway.web.JsonFields;

/**
 * The round a request asks for: its tee (the course's first when left out) and its holes (18
 * when the course plays 18, else 9, when left out). An unknown tee, or holes the course does not
 * play, is a 400 naming the field.
 *
 * @param tee   the tee the round starts from
 * @param holes 9 or 18
 */
record Round(String tee, int holes) {

    static Round of(JsonFields body, Course course) {
        Layout layout = course.rules().layout();
        String tee = body.optionalString("tee", 1, 8).orElse(layout.firstTee().name());
        if (layout.tee(tee).isEmpty()) {
            throw body.invalid("tee", "must be one of the course's tees "
                    + layout.tees().stream().map(t -> t.name()).toList());
        }
        int holes = RoundLength.of(body, course);
        return new Round(tee, holes);
    }
}
