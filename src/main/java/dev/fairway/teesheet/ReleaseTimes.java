package dev.fairway.teesheet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * When a local date's tee times open to a booking class: its release time on the date
 * {@code bookingWindowDays} before, in the course's zone. A release time that does not exist that
 * day (a DST gap) releases at the first instant after the gap; one that occurs twice (an
 * overlap), at the earlier.
 */
public final class ReleaseTimes {

    private ReleaseTimes() {
    }

    public static Instant of(LocalDate date, BookingClass bookingClass, ZoneId zone) {
        LocalDateTime wallClock = date.minusDays(bookingClass.bookingWindowDays()).atTime(bookingClass.releaseTime());
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition != null && transition.isGap()) {
            // atZone would move the time on by the gap's length; the contract wants the gap's end.
            return transition.getInstant();
        }
        // Outside a transition the offset is the only one; in an overlap atZone takes the earlier.
        return wallClock.atZone(zone).toInstant();
    }
}
