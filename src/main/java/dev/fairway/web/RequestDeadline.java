package dev.fairway.web;

import dev.fairway.db.Deadline;
import io.javalin.http.Context;
import java.time.Duration;

/** Each request's deadline, started when the request arrives: no request waits longer than this. */
public final class RequestDeadline {

    public static final Duration DEFAULT = Duration.ofSeconds(5);
    private static final String ATTRIBUTE = "fairway.deadline";

    private RequestDeadline() {
    }

    static void start(Context ctx, Duration budget) {
        ctx.attribute(ATTRIBUTE, Deadline.after(budget));
    }

    public static Deadline of(Context ctx) {
        Deadline deadline = ctx.attribute(ATTRIBUTE);
        return deadline != null ? deadline : Deadline.after(DEFAULT);
    }
}
