package dev.fairway.bookings;

import dev.fairway.db.Deadline;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import java.time.LocalDate;

/**
 * Whether a date's tee times still wait for their draw for a class: from the class's release
 * until its draw is done, bookings and holds of them are 409 {@code draw-in-progress}.
 */
@FunctionalInterface
public interface DrawGate {

    /** A course without draws. */
    DrawGate NONE = (course, bookingClass, date, deadline) -> false;

    boolean inProgress(Course course, BookingClass bookingClass, LocalDate date, Deadline deadline);
}
