package dev.fairway.web;

import dev.fairway.config.Secret;
import io.javalin.http.Context;

/** A token a request carries as {@code Authorization: Bearer <token>}, compared in constant time. */
public final class BearerToken {

    private static final String SCHEME = "bearer ";

    private final Secret token;

    BearerToken(Secret token) {
        this.token = token;
    }

    boolean carriedBy(Context ctx) {
        String offered = value(ctx);
        return offered != null && token.matches(offered);
    }

    /** The bearer token the request carries, whatever it is, or null. */
    public static String value(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return header.substring(SCHEME.length()).strip();
    }

    /** Whether the request carries a bearer token at all, whatever it is. */
    static boolean offered(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }
}
