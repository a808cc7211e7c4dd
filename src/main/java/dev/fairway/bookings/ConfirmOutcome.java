package dev.fairway.bookings;

/** What came of confirming a hold. */
public sealed interface ConfirmOutcome {

    /**
     * The hold is the booking.
     *
     * @param created true when this request made it (201), false when an earlier one did (200)
     * @param offer   whether the hold was a waitlist offer, which this request booked
     */
    record Confirmed(Booking booking, boolean created, boolean offer) implements ConfirmOutcome {
    }

    /** No hold has that id. */
    record NotFound() implements ConfirmOutcome {
    }

    /** The hold lapsed or was released: its spots are no longer kept. */
    record Ended(Hold hold) implements ConfirmOutcome {
    }
}
