package dev.fairway.bookings;

import dev.fairway.teesheet.Course;
import dev.fairway.web.Problem;
import dev.fairway.web.ProblemException;
import dev.fairway.web.RequestDeadline;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;

/** Refuses a booking, group or hold of a tee time whose date still waits for its class's draw. */
final class DrawWait {

    /** The draw runs within seconds of its release: a client asks again in one. */
    static final int RETRY_AFTER_SECONDS = 1;

    private DrawWait() {
    }

    /** 409 {@code draw-in-progress} with Retry-After, unless staff book or the date's draw is done (or none). */
    static void check(Context ctx, DrawGate draws, Course course, BookingTerms terms, Instant start) {
        if (terms.byStaff()) {
            return;
        }
        LocalDate date = LocalDate.ofInstant(start, course.rules().zone());
        if (draws.inProgress(course, terms.bookingClass(), date, RequestDeadline.of(ctx))) {
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            throw new ProblemException(Problem.of(409, "draw-in-progress", "Draw in progress",
                    "the tee times of " + date + " open to your class by a draw, which is running now: what it "
                            + "leaves is first come, first served in a moment"));
        }
    }
}
