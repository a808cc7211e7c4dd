package dev.fairway.web;

import dev.fairway.config.ResilienceSettings;
import dev.fairway.db.Deadline;
import io.javalin.http.Context;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;

/** Each request's deadline, started when the request arrives: no request waits longer than this. */
public final class RequestDeadline {

    private static final String ATTRIBUTE = "fairway.deadline";

    private RequestDeadline() {
    }

    /**
     * Starts the request's deadline from when its headers arrived, not from when a route first sees
     * it: a request that waited for its turn ({@link InFlightLimit}) has that much less time left.
     */
    static void start(Context ctx, Duration budget) {
        Request request = ServletContextRequest.getServletContextRequest(ctx.req());
        long arrived = request != null ? request.getBeginNanoTime() : System.nanoTime();
        ctx.attribute(ATTRIBUTE, new Deadline(arrived + budget.toNanos()));
    }

    public static Deadline of(Context ctx) {
        Deadline deadline = ctx.attribute(ATTRIBUTE);
        // Every request gets one before any route runs; a request without one is a bug of ours.
        return deadline != null ? deadline : Deadline.after(ResilienceSettings.REQUEST_DEADLINE);
    }
}
