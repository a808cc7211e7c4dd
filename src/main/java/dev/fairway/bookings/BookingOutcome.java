package dev.fairway.bookings;

/** What came of a booking request. */
public sealed interface BookingOutcome {

    /** The tee time was booked. */
    record Booked(Booking booking) implements BookingOutcome {
    }

    /**
     * A request with this Idempotency-Key was answered before: this is that answer.
     *
     * @param answer           the stored answer
     * @param ownEarlierAttempt true when it is this very request's own answer, committed by an attempt
     *                         whose COMMIT reply was lost: then it is no replay to the client
     */
    record Replayed(StoredAnswer answer, boolean ownEarlierAttempt) implements BookingOutcome {
    }

    /** The first request with this Idempotency-Key is still being processed. */
    record InProgress() implements BookingOutcome {
    }

    /** This Idempotency-Key was used for a different request. */
    record KeyReused() implements BookingOutcome {
    }

    /**
     * So many bookings of this tee time were already in the database that this one could not get
     * in before its deadline: the client should try again in a moment.
     */
    record Busy() implements BookingOutcome {
    }

    /** No tee time of the course starts at that instant. */
    record NotATeeTime() implements BookingOutcome {
    }

    /** Refused by a rule of the course or by what is left: the answer is stored with the key. */
    record Refused(Reason reason, int spotsLeft) implements BookingOutcome {
    }

    /** Why a booking of a real tee time was refused. */
    enum Reason {
        BLOCKED, TOO_SOON, OUTSIDE_BOOKING_WINDOW, FULL
    }
}
