package dev.fairway.availability;

import java.time.LocalDate;

/** A course's local date: the unit availability is cached and invalidated by. */
public record CourseDay(String courseId, LocalDate date) {
}
