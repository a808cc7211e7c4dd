package dev.fairway.web;

import dev.fairway.config.Secret;
import dev.fairway.log.LogThrottle;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin calls carry {@code Authorization: Bearer <token>}; the token is compared in constant time.
 * A wrong token is logged (never the token), at most once a second, saying how many there were.
 */
public final class AdminAuth {

    private static final Logger log = LoggerFactory.getLogger(AdminAuth.class);

    private final BearerToken token;
    private final LogThrottle throttle = new LogThrottle();

    public AdminAuth(Secret token) {
        this.token = new BearerToken(token);
    }

    /** @throws ProblemException 401 unless the request carries the admin token */
    public void require(Context ctx) {
        if (!isAdmin(ctx)) {
            throw Problems.unauthorized();
        }
    }

    /** Whether the request carries the admin token; a wrong one is not logged (it may be a golfer's). */
    public boolean carriesAdminToken(Context ctx) {
        return token.carriedBy(ctx);
    }

    public boolean isAdmin(Context ctx) {
        if (token.carriedBy(ctx)) {
            return true;
        }
        if (BearerToken.offered(ctx)) {
            long heldBack = throttle.admit("wrong admin token");
            if (heldBack >= 0) {
                log.warn("A wrong admin token was sent from {} for {} {}{}", ctx.ip(), ctx.method(), ctx.endpoint().path,
                        LogThrottle.heldBack(heldBack));
            }
        }
        return false;
    }
}
