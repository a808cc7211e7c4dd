package dev.fairway.web;

import dev.fairway.db.CircuitOpenException;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.resilience.FailureClassifier;
import dev.fairway.db.resilience.FailureLabel;
import dev.fairway.log.LogThrottle;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become answers: every error is {@code application/problem+json}, and
 * anything unforeseen is a logged 500 (which is a bug) that says nothing of its cause. A bug that
 * repeats is logged with its stack trace at most once a second per kind and route.
 */
public final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    /** What a 503 asks a client to wait before trying again. */
    public static final long RETRY_AFTER_SECONDS = 1;
    private static final Problem INTERNAL_ERROR = Problem.of(500, "internal-error", "Internal server error",
            "the server failed unexpectedly; this is a bug and has been logged");

    private ErrorResponses() {
    }

    public static void register(RoutesConfig routes) {
        // A bug that every request meets logs its stack trace once a second, not once per request.
        LogThrottle throttle = new LogThrottle();
        routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem(), e));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e), null));
        routes.exception(DatabaseException.class, (e, ctx) -> {
            if (!FailureClassifier.unavailable(e)) {
                long heldBack = throttle.admit("database " + FailureLabel.kind(e) + " " + ctx.endpoint().path);
                if (heldBack >= 0) {
                    log.error("Database failure of {} {}: {}{}", ctx.method(), ctx.endpoint().path, e.getMessage(),
                            LogThrottle.heldBack(heldBack), e);
                }
                write(ctx, INTERNAL_ERROR, null);
                return;
            }
            long retryAfter = e instanceof CircuitOpenException open
                    ? Math.max(RETRY_AFTER_SECONDS, (open.retryAfter().toMillis() + 999) / 1000) : RETRY_AFTER_SECONDS;
            ProblemException problem = Problems.unavailable(FailureClassifier.unavailability(e).detail(), retryAfter);
            write(ctx, problem.problem(), problem);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (clientGone(e)) {
                // The client hung up while sending its body (or was cut off for being too slow):
                // nobody is left to answer, and nothing is wrong with the service.
                log.debug("{} {}: the client went away before its request arrived", ctx.method(), ctx.endpoint().path);
                write(ctx, Problem.of(400, "incomplete-request", "Incomplete request",
                        "the request body did not arrive in full"), null);
                return;
            }
            long heldBack = throttle.admit(e.getClass().getName() + " " + ctx.endpoint().path);
            if (heldBack >= 0) {
                log.error("Unexpected failure of {} {}{}", ctx.method(), ctx.endpoint().path,
                        LogThrottle.heldBack(heldBack), e);
            }
            write(ctx, INTERNAL_ERROR, null);
        });
    }

    /** Whether reading the request failed because its client closed the connection or was cut off. */
    private static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.io.EOFException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    public static void write(Context ctx, Problem problem, ProblemException source) {
        if (source != null) {
            source.headers().forEach(ctx::header);
        }
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(Json.write(problem));
    }

    private static Problem fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> Problem.of(404, "not-found", "Not found", "there is no such resource: check the path");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "this path does not accept that method");
            case 413 -> Problem.of(413, "payload-too-large", "Request body too large",
                    "send a smaller request body");
            default -> Problem.of(status, "http-" + status, HttpStatus.forStatus(status).getMessage(),
                    e.getMessage());
        };
    }
}
