package dev.fairway.bookings;

import dev.fairway.teesheet.BookingClass;

/**
 * The rules a booking is made under, from who makes it.
 *
 * @param bookingClass the booker's class: its release times and limits apply
 * @param byStaff      made with the admin token (staff on the phone): release times, limits and the
 *                     least players are skipped; capacity, blocks and notice still hold
 */
public record BookingTerms(BookingClass bookingClass, boolean byStaff) {

    /** Whether this booking must stay within the class's per-golfer limits. */
    boolean limited() {
        return !byStaff && bookingClass.limited();
    }
}
