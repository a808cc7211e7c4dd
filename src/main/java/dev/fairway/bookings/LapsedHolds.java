package dev.fairway.bookings;

import dev.fairway.db.SqlSession;
import dev.fairway.db.SqlWork;
import java.sql.SQLException;

/**
 * A take refused for want of spots on a slot that still counts holds sweeps the lapsed ones
 * ({@link HoldStore#sweep}) and, when it swept any, is tried again: so the spots of a hold are
 * free for bookings from the instant it lapses, with no job having run, and the row's CHECK
 * ({@code booked + held <= capacity}) holds throughout. A refused take changed nothing, so the
 * work is run again in the same session (and transaction) that swept.
 */
final class LapsedHolds {

    private LapsedHolds() {
    }

    /** Thrown by a refusal that swept lapsed holds off its slots: the work may now succeed. */
    static final class Swept extends RuntimeException {
        Swept() {
            super("lapsed holds swept: take again", null, false, false);
        }
    }

    /**
     * Runs {@code work} until it ends without sweeping. It ends: every sweep marks at least one
     * hold expired, and a slot has finitely many.
     */
    static <T> T retrying(SqlSession session, SqlWork<T> work) throws SQLException {
        while (true) {
            try {
                return work.run(session);
            } catch (Swept swept) {
                // The next run's statements see the sweep.
            }
        }
    }
}
