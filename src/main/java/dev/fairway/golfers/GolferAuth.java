package dev.fairway.golfers;

import dev.fairway.log.LogThrottle;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.BearerToken;
import dev.fairway.web.Problems;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before any {@code /api/} route runs, who the request is from: no bearer token is
 * nobody, the admin token is the admin, a golfer's live token is that golfer. Any other token is
 * 401 {@code invalid-token} on every endpoint, so a signed-out golfer learns it at once instead of
 * being quietly treated as anonymous.
 */
public final class GolferAuth implements Routes {

    private static final Logger log = LoggerFactory.getLogger(GolferAuth.class);

    private final LogThrottle throttle = new LogThrottle();
    private final AdminAuth admin;
    private final GolferService golfers;

    public GolferAuth(AdminAuth admin, GolferService golfers) {
        this.admin = admin;
        this.golfers = golfers;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> {
            if (ctx.path().startsWith("/api/")) {
                identify(ctx).attachTo(ctx);
            }
        });
    }

    private Caller identify(Context ctx) {
        String token = BearerToken.value(ctx);
        if (token == null) {
            return Caller.ANONYMOUS;
        }
        if (admin.carriesAdminToken(ctx)) {
            return Caller.ADMIN;
        }
        return golfers.authenticate(token, RequestDeadline.of(ctx)).orElseThrow(() -> {
            long heldBack = throttle.admit("invalid token");
            if (heldBack >= 0) {
                // Never the token (it may be a mistyped admin token), nor the path (it may hold an email).
                log.warn("A wrong admin token or an unknown, expired or signed-out golfer token was sent from {} "
                        + "with a {} request{}", ctx.ip(), ctx.method(), LogThrottle.heldBack(heldBack));
            }
            return GolferToken.parse(token).isPresent() ? Problems.invalidToken() : Problems.wrongAdminToken();
        });
    }

    /** The signed-in golfer, or 401 {@code sign-in-required}. */
    public static Caller requireGolfer(Context ctx) {
        Caller caller = Caller.of(ctx);
        if (!caller.isGolfer()) {
            throw Problems.signInRequired("sign in first: POST /api/sign-in with your email, then POST "
                    + "/api/sign-in/verify with the code, and send 'Authorization: Bearer <token>'");
        }
        return caller;
    }
}
