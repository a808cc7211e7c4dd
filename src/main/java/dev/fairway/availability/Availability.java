package dev.fairway.availability;

import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.DaySheet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An availability answer.
 *
 * @param course  the course
 * @param from    the first date
 * @param to      the last date
 * @param players the party size asked for
 * @param stale   true when the database could not be reached and this is the last data read
 * @param asOf    when the booked counts were read from the database
 * @param days    every date from {@code from} to {@code to}, in order
 * @param bookingClass the class whose release times the answer shows
 */
public record Availability(Course course, LocalDate from, LocalDate to, int players, boolean stale, Instant asOf,
                           List<DaySheet> days, String bookingClass) {
}
