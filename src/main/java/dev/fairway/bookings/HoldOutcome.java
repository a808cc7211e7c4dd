package dev.fairway.bookings;

/** What came of a request for a hold. */
public sealed interface HoldOutcome {

    /** The spots are held. */
    record Held(Hold hold) implements HoldOutcome {
    }

    /** Refused as a booking of the same round would be. */
    record Refused(BookingOutcome.Refused refusal) implements HoldOutcome {
    }

    /** The booker already holds spots at the course: one live hold each. */
    record HoldLimit() implements HoldOutcome {
    }

    /** No tee time of that tee starts at that instant. */
    record NotATeeTime() implements HoldOutcome {
    }

    /** The tee time's bookings filled this instance's share of the database until the deadline. */
    record Busy() implements HoldOutcome {
    }
}
