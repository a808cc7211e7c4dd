package dev.fairway.teesheet;

import java.time.LocalTime;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Who may book how far ahead, from when, and how much: the tee times of local date D open to the
 * class at {@code releaseTime} on D minus {@code bookingWindowDays}.
 *
 * @param name              {@code ^[a-z0-9][a-z0-9-]{0,31}$}; {@value #PUBLIC} is everyone who is not a member
 * @param bookingWindowDays how many days ahead the class books
 * @param releaseTime       the wall-clock time a day opens to the class
 * @param maxOpenBookings   how many confirmed bookings whose tee time has not started one golfer may hold
 * @param maxBookingsPerDay how many confirmed bookings one golfer may hold on one local date
 * @param draw              whether a day opens to the class by a draw of entries at its release
 *                          ({@code releaseMode: draw}) rather than first come, first served
 * @param drawEntryHours    how long before the release entries to the draw are taken
 */
public record BookingClass(String name, int bookingWindowDays, LocalTime releaseTime, OptionalInt maxOpenBookings,
                           OptionalInt maxBookingsPerDay, boolean draw, int drawEntryHours) {

    public static final String PUBLIC = "public";
    public static final int DEFAULT_DRAW_ENTRY_HOURS = 24;

    /** A class that opens first come, first served (Part 2). */
    public BookingClass(String name, int bookingWindowDays, LocalTime releaseTime, OptionalInt maxOpenBookings,
                        OptionalInt maxBookingsPerDay) {
        this(name, bookingWindowDays, releaseTime, maxOpenBookings, maxBookingsPerDay, false, DEFAULT_DRAW_ENTRY_HOURS);
    }

    public BookingClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(releaseTime, "releaseTime");
        Objects.requireNonNull(maxOpenBookings, "maxOpenBookings");
        Objects.requireNonNull(maxBookingsPerDay, "maxBookingsPerDay");
    }

    /** The public class of a course whose list does not name one: Part 1's rule, no limits. */
    public static BookingClass defaultPublic(int bookingWindowDays) {
        return new BookingClass(PUBLIC, bookingWindowDays, LocalTime.MIDNIGHT, OptionalInt.empty(), OptionalInt.empty());
    }

    public boolean limited() {
        return maxOpenBookings.isPresent() || maxBookingsPerDay.isPresent();
    }
}
