package dev.fairway.web;

import java.util.Map;

/** The problems every part of the API shares. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException unauthorized() {
        return new ProblemException(
                Problem.of(401, "unauthorized", "Admin token missing or wrong",
                        "send the admin token as 'Authorization: Bearer <token>'"),
                Map.of("WWW-Authenticate", "Bearer realm=\"fairway\""));
    }

    /** A bearer token that is neither the admin's nor a live golfer's. */
    public static ProblemException invalidToken() {
        return new ProblemException(
                Problem.of(401, "invalid-token", "Token unknown, expired or signed out",
                        "sign in again (POST /api/sign-in) and send the new token, or send the request without one"),
                Map.of("WWW-Authenticate", "Bearer realm=\"fairway\", error=\"invalid_token\""));
    }

    /** A request that needs a signed-in golfer and carries no token. */
    public static ProblemException signInRequired(String detail) {
        return new ProblemException(Problem.of(401, "sign-in-required", "Sign-in required", detail),
                Map.of("WWW-Authenticate", "Bearer realm=\"fairway\""));
    }

    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(
                Problem.of(503, "database-unavailable", "The database cannot be reached right now", detail),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
