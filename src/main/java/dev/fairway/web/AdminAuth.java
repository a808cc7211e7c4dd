package dev.fairway.web;

import dev.fairway.config.Secret;
import io.javalin.http.Context;

/** Admin calls carry {@code Authorization: Bearer <token>}; the token is compared in constant time. */
public final class AdminAuth {

    private static final String SCHEME = "bearer ";

    private final Secret token;

    public AdminAuth(Secret token) {
        this.token = token;
    }

    /** @throws ProblemException 401 unless the request carries the admin token */
    public void require(Context ctx) {
        if (!isAdmin(ctx)) {
            throw Problems.unauthorized();
        }
    }

    public boolean isAdmin(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return token.matches(header.substring(SCHEME.length()).strip());
    }
}
