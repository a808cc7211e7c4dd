package dev.fairway.golfers;

import dev.fairway.email.Mailbox;
import dev.fairway.email.MailboxFields;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import dev.fairway.web.JsonFields;
import dev.fairway.web.Problem;
import dev.fairway.web.ProblemException;
import dev.fairway.web.RateLimiter;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Sign-in by emailed code, sign-out, and the golfer's own details. */
public final class GolferRoutes implements Routes {

    private final SignInService signIn;
    private final GolferService golfers;
    private final RateLimiter limits;
    private final String emailDelivery;

    /** @param emailDelivery how sign-in codes leave: {@code smtp}, {@code console} or {@code off} */
    public GolferRoutes(SignInService signIn, GolferService golfers, RateLimiter limits, String emailDelivery) {
        this.emailDelivery = emailDelivery;
        this.signIn = signIn;
        this.golfers = golfers;
        this.limits = limits;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/sign-in", this::howSignInWorks);
        routes.post("/api/sign-in", this::requestCode);
        routes.post("/api/sign-in/verify", this::verify);
        routes.post("/api/sign-out", this::signOut);
        routes.get("/api/me", this::me);
        routes.put("/api/me", this::rename);
    }

    /** Whether a code can reach a golfer at all: a page offers no sign-in it cannot complete. */
    private void howSignInWorks(Context ctx) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("available", !emailDelivery.equals("off"));
        json.put("delivery", emailDelivery);
        ctx.contentType("application/json").result(Json.write(json));
    }

    private void requestCode(Context ctx) {
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Mailbox email = MailboxFields.required(body, "email");
        limits.booking(ctx, email.key());
        Instant expiresAt = signIn.requestCode(email, limits.client(ctx), RequestDeadline.of(ctx));
        ctx.status(202).contentType("application/json").result(Json.write(Map.of("expiresAt", utc(expiresAt))));
    }

    private void verify(Context ctx) {
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Mailbox email = MailboxFields.required(body, "email");
        String code = body.requiredString("code", 1, 20);
        limits.booking(ctx, email.key());
        // Anything but 6 digits cannot be a code: refused alike, without a database round trip.
        SignInService.SignedIn signedIn = (code.matches("[0-9]{6}") ? signIn.verify(email, code, limits.client(ctx), RequestDeadline.of(ctx))
                : Optional.<SignInService.SignedIn>empty())
                .orElseThrow(() -> new ProblemException(Problem.of(401, "invalid-code", "Code wrong, expired or used",
                        "this code does not sign in that email: check the newest email, or ask for a new code "
                                + "(POST /api/sign-in); a code works once, for 10 minutes, and after 5 wrong codes "
                                + "from here none is taken for 10 minutes")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", signedIn.token());
        json.put("expiresAt", utc(signedIn.expiresAt()));
        json.put("golfer", json(signedIn.golfer()));
        ctx.contentType("application/json").result(Json.write(json));
    }

    private void signOut(Context ctx) {
        golfers.signOut(GolferAuth.requireGolfer(ctx), RequestDeadline.of(ctx));
        ctx.status(204);
    }

    private void me(Context ctx) {
        ctx.contentType("application/json").result(Json.write(json(GolferAuth.requireGolfer(ctx).golfer())));
    }

    private void rename(Context ctx) {
        Caller caller = GolferAuth.requireGolfer(ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        String name = body.requiredString("name", 1, 100);
        if (name.isBlank()) {
            throw body.invalid("name", "must not be blank");
        }
        Golfer renamed = golfers.rename(caller.golfer(), name, RequestDeadline.of(ctx));
        ctx.contentType("application/json").result(Json.write(json(renamed)));
    }

    static Map<String, Object> json(Golfer golfer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", golfer.id());
        json.put("email", golfer.email());
        json.put("name", golfer.name());
        return json;
    }

    private static String utc(Instant instant) {
        return Instants.format(instant, ZoneOffset.UTC);
    }
}
