package dev.fairway.bookings;

import java.time.LocalDate;

/** What became of a staff change of a booking. */
sealed interface ChangeOutcome {

    /** Changed (or nothing to change): the booking as it now is. */
    record Changed(Booking booking) implements ChangeOutcome {
    }

    record NotFound() implements ChangeOutcome {
    }

    /** A cancelled booking is changed by nothing. */
    record AlreadyCancelled() implements ChangeOutcome {
    }

    /** The move's new round is refused, as a booking of it would be: nothing changed. */
    record Refused(BookingOutcome.Refused refusal) implements ChangeOutcome {
    }

    /** No tee time of the tee starts at the new instant, or the tee takes no starts then. */
    record NotATeeTime() implements ChangeOutcome {
    }

    /** A no-show marked before the tee time started. */
    record NotStarted() implements ChangeOutcome {
    }

    /** A check-in on another day than the tee time's. */
    record NotToday(LocalDate teeTimeDate) implements ChangeOutcome {
    }
}
