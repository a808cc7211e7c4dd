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
                        "send the admin token as 'Authorization: Bearer <token>': FAIRWAY_ADMIN_TOKEN, or the one "
                                + "Fairway printed at its first start ('java -jar fairway.jar admin-token' prints it again)"),
                Map.of("WWW-Authenticate", "Bearer realm=\"fairway\""));
    }

    /** A bearer token shaped as a golfer's that is no live golfer's. */
    public static ProblemException invalidToken() {
        return invalidToken("sign in again (POST /api/sign-in) and send the new token, or send the request without one");
    }

    /**
     * A bearer token that is neither the admin's nor shaped as a golfer's: most likely an admin
     * token that is wrong or old, and said so, with where the right one is.
     */
    public static ProblemException wrongAdminToken() {
        return invalidToken("this is not the admin token (nor a golfer's sign-in): the admin token is FAIRWAY_ADMIN_TOKEN, "
                + "or the one Fairway printed at its first start, which 'java -jar fairway.jar admin-token' prints again");
    }

    private static ProblemException invalidToken(String detail) {
        return new ProblemException(Problem.of(401, "invalid-token", "Token unknown, expired or signed out", detail),
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
