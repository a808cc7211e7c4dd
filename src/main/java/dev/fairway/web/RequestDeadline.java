package dev.fairway.web;

import dev.fairway.config.ResilienceSettings;
import dev.fairway.db.Deadline;
import io.javalin.http.Context;
import java.time.Duration;

/** Each request's deadline, started when the request arrives: no request waits longer than this. */
public final class RequestDeadline {

    private static final String ATTRIBUTE = "fairway.deadline";

    private RequestDeadline() {
    }

    static void start(Context ctx, Duration budget) {
        ctx.attribute(ATTRIBUTE, Deadline.after(budget));
    }

    public static Deadline of(Context ctx) {
        Deadline deadline = ctx.attribute(ATTRIBUTE);
        // Every request gets one before any route runs; a request without one is a bug of ours.
        return deadline != null ? deadline : Deadline.after(ResilienceSettings.REQUEST_DEADLINE);
    }
}
