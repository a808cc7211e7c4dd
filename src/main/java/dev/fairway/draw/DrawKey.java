package dev.fairway.draw;

import java.time.LocalDate;

/** One draw: a course's date, for one booking class. */
public record DrawKey(String courseId, String bookingClass, LocalDate date) {
}
