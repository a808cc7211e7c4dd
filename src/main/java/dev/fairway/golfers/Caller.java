package dev.fairway.golfers;

import io.javalin.http.Context;

/**
 * Who sent a request, as its bearer token says: nobody, the admin, or a signed-in golfer.
 * {@link GolferAuth} decides it once per {@code /api/} request, before the route runs.
 *
 * @param kind    which of the three
 * @param golfer  the golfer, when it is one, else null
 * @param tokenId the golfer's token's id, when it is one, else null
 */
public record Caller(Kind kind, Golfer golfer, String tokenId) {

    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null);
    public static final Caller ADMIN = new Caller(Kind.ADMIN, null, null);
    private static final String ATTRIBUTE = "fairway.caller";

    public enum Kind {
        ANONYMOUS, ADMIN, GOLFER
    }

    public static Caller golfer(Golfer golfer, String tokenId) {
        return new Caller(Kind.GOLFER, golfer, tokenId);
    }

    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        return caller == null ? ANONYMOUS : caller;
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }

    public boolean isGolfer() {
        return kind == Kind.GOLFER;
    }
}
