package dev.fairway.bookings;

import dev.fairway.teesheet.Course;
import dev.fairway.web.JsonFields;

/** A request's {@code players}, which must fit one tee time of its course. */
public final class PartySize {

    private PartySize() {
    }

    /** Refuses (400, naming the field) a party bigger than the course's tee times hold. */
    public static void check(JsonFields body, int players, Course course) {
        if (players > course.rules().maxPlayersPerTeeTime()) {
            throw body.invalid("players", "must be a whole number from 1 to " + course.rules().maxPlayersPerTeeTime()
                    + " (this course's maxPlayersPerTeeTime)");
        }
    }
}
