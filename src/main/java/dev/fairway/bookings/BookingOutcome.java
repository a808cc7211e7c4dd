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

    /**
     * Refused by a rule of the course or by what is left: the answer is stored with the key.
     *
     * @param reason     why
     * @param number     the spots left ({@code FULL}), the least players ({@code TOO_FEW_PLAYERS}) or the
     *                   limit ({@code *_LIMIT_REACHED}); else 0
     * @param releasesAt when the tee time opens to the booker's class ({@code OUTSIDE_BOOKING_WINDOW}), else null
     */
    record Refused(Reason reason, int number, java.time.Instant releasesAt, Booking.Slot slot, boolean turn)
            implements BookingOutcome {

        Refused(Reason reason, int number) {
            this(reason, number, null, null, false);
        }

        Refused(Reason reason, int number, java.time.Instant releasesAt) {
            this(reason, number, releasesAt, null, false);
        }

        /** A refusal by one of the round's slots ({@code FULL}, {@code BLOCKED}): which, and whether it is the turn. */
        static Refused bySlot(Reason reason, int number, Booking.Slot slot, boolean turn) {
            return new Refused(reason, number, null, slot, turn);
        }
    }

    enum Reason {
        BLOCKED, TOO_SOON, OUTSIDE_BOOKING_WINDOW, TOO_FEW_PLAYERS, OPEN_LIMIT_REACHED, DAY_LIMIT_REACHED, FULL, NO_TURN
    }
}
