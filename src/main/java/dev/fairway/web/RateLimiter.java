package dev.fairway.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fairway.config.RateLimitSettings;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Token buckets (Bucket4j) per client address for every {@code /api/} request, and per address and
 * per golfer (or email) for bookings and sign-ins; requests with the admin token are not limited. Buckets live in this instance's memory, in a
 * bounded cache: a client seen rarely is forgotten, and forgotten buckets start full.
 */
public final class RateLimiter implements Routes {

    private static final int MAX_CLIENTS = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final RateLimitSettings settings;
    private final AdminAuth admin;
    private final Cache<String, Bucket> requests = cache();
    private final Cache<String, Bucket> bookingsByAddress = cache();
    private final Cache<String, Bucket> bookingsByGolfer = cache();

    /** @param admin whose requests are not limited: staff on the phone book many in a row */
    public RateLimiter(RateLimitSettings settings, AdminAuth admin) {
        this.settings = settings;
        this.admin = admin;
    }

    private static Cache<String, Bucket> cache() {
        return Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(FORGET_AFTER).build();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        if (settings.enabled()) {
            routes.before(ctx -> {
                if (ctx.path().startsWith("/api/") && !admin.carriesAdminToken(ctx)) {
                    take(requests, client(ctx), this::requestBucket, "requests from your address");
                }
            });
        }
    }

    /** The address the request comes from, as the limits count it. */
    public String client(Context ctx) {
        return ClientAddress.of(ctx, settings.trustedProxies());
    }

    /**
     * Takes a token for a booking or sign-in from the client address's bucket and from the
     * golfer's (or email's, lower-cased), when one is known; 429 when either is empty.
     *
     * @param who the golfer's id or the email, or null
     */
    public void booking(Context ctx, String who) {
        if (!settings.enabled() || admin.carriesAdminToken(ctx)) {
            return;
        }
        take(bookingsByAddress, client(ctx), this::bookingBucket, "bookings and sign-ins from your address");
        if (who != null) {
            take(bookingsByGolfer, who.toLowerCase(Locale.ROOT), this::bookingBucket,
                    "bookings and sign-ins for this golfer");
        }
    }

    private Bucket requestBucket() {
        int rate = settings.requestsPerSecond();
        return Bucket.builder().addLimit(limit -> limit.capacity(2L * rate).refillGreedy(rate, Duration.ofSeconds(1)))
                .build();
    }

    private Bucket bookingBucket() {
        int rate = settings.bookingsPerMinute();
        return Bucket.builder().addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofMinutes(1)))
                .build();
    }

    private static void take(Cache<String, Bucket> buckets, String key, Supplier<Bucket> fresh, String what) {
        ConsumptionProbe probe = buckets.get(key, k -> fresh.get()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                    "too many " + what + ": try again in " + seconds + " s"), Map.of("Retry-After", Long.toString(seconds)));
        }
    }
}
