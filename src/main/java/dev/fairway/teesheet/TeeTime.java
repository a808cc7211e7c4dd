package dev.fairway.teesheet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One tee time of the grid: a wall-clock time on a local date, and the instant it is at. A
 * wall-clock time in a daylight-saving overlap gives two tee times, one per offset.
 *
 * @param date        the local date whose grid it belongs to
 * @param time        the wall-clock time
 * @param offset      the offset in force at that instant
 * @param epochSecond the instant, in seconds since the epoch
 */
public record TeeTime(LocalDate date, LocalTime time, ZoneOffset offset, long epochSecond) {

    public Instant instant() {
        return Instant.ofEpochSecond(epochSecond);
    }

    /** The start as the course's clock shows it, with the offset in force. */
    public OffsetDateTime start() {
        return OffsetDateTime.of(date, time, offset);
    }
}
