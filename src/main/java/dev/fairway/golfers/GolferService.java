package dev.fairway.golfers;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signed-in golfers: who a token belongs to, signing out, and the golfer's name. A live token's
 * row is kept for {@link #REMEMBER_TOKENS} after it is read: on a release morning every golfer
 * polls, and reading the row for each poll took the pool from the bookings (bench/release). A
 * sign-out forgets it here at once; another instance may accept it for up to that long.
 */
public final class GolferService {

    static final Duration REMEMBER_TOKENS = Duration.ofSeconds(5);

    private final Database database;
    private final Clock clock;
    private final GolferStore golfers = new GolferStore();
    private final Cache<String, GolferStore.TokenRow> liveTokens = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(REMEMBER_TOKENS).build();

    public GolferService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The golfer whose live token {@code text} is, or empty; the secret is compared in constant time. */
    public Optional<Caller> authenticate(String text, Deadline deadline) {
        Optional<GolferToken> token = GolferToken.parse(text);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        GolferStore.TokenRow remembered = liveTokens.getIfPresent(token.get().id());
        Optional<GolferStore.TokenRow> row = remembered != null && remembered.expiresAt().isAfter(now)
                ? Optional.of(remembered)
                : database.read("golfers.token", deadline, session -> golfers.liveToken(session, token.get().id(), now));
        row.ifPresent(found -> liveTokens.put(token.get().id(), found));
        return row.filter(found -> Hashes.matches(found.secretHash(), token.get().secret()))
                .map(found -> Caller.golfer(found.golfer(), token.get().id()));
    }

    public void signOut(Caller caller, Deadline deadline) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        liveTokens.invalidate(caller.tokenId());
        database.write("golfers.sign-out", deadline, session -> {
            golfers.signOut(session, caller.tokenId(), now);
            return null;
        });
    }

    public Golfer rename(Golfer golfer, String name, Deadline deadline) {
        Golfer renamed = database.write("golfers.rename", deadline, session -> golfers.rename(session, golfer.id(), name));
        // The golfer's remembered tokens carry the old name: read them again.
        liveTokens.asMap().values().removeIf(row -> row.golfer().id().equals(golfer.id()));
        return renamed;
    }
}
