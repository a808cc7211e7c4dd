package dev.fairway.bookings;

import java.time.Instant;
import java.util.List;

/** What became of a group's request. */
sealed interface GroupOutcome {

    /** Every part booked, in order. */
    record Booked(String groupId, int players, List<Booking> parts) implements GroupOutcome {
    }

    /** The key's earlier answer, replayed. */
    record Replayed(StoredAnswer answer) implements GroupOutcome {
    }

    /** The first part refused, part {@code part} (from 0) at {@code start} on {@code tee}: nothing was booked. */
    record Refused(Instant start, String tee, int part, BookingOutcome.Refused refusal) implements GroupOutcome {
    }

    /** The day has too few tee times from the start for the group, or the start is none of the tee's. */
    record NotATeeTime(int needed, int found) implements GroupOutcome {
    }

    record InProgress() implements GroupOutcome {
    }

    record KeyReused() implements GroupOutcome {
    }
}
