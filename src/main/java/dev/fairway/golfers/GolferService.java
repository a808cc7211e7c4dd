package dev.fairway.golfers;

import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Signed-in golfers: who a token belongs to, signing out, and the golfer's name. A live token's
 * row is remembered: on a release morning every golfer polls, and reading the row for each poll
 * took the pool from the bookings (bench/release). A row read over {@link #REMEMBER_TOKENS} ago
 * is still used, and read again in the background, one token at a time: reading all of them while
 * their requests waited (1,000 golfers signed in together, their rows due together) took the pool
 * just the same. A sign-out forgets the token here at once; another instance accepts it until its
 * next read there, which begins {@link #REMEMBER_TOKENS} after the last one. A row not read again
 * for {@link #FORGET_TOKENS} (the database slow or away) is forgotten and read while its request waits.
 */
public final class GolferService {

    static final Duration REMEMBER_TOKENS = Duration.ofSeconds(5);
    static final Duration FORGET_TOKENS = Duration.ofSeconds(60);
    private static final Duration REREAD_DEADLINE = Duration.ofSeconds(5);

    private final Database database;
    private final Clock clock;
    private final GolferStore golfers = new GolferStore();
    private final Cache<String, Remembered> liveTokens = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(FORGET_TOKENS).build();
    private final Set<String> rereading = ConcurrentHashMap.newKeySet();
    /** One background read at a time: each waits on a virtual thread of its own, which ends with it. */
    private final ReentrantLock oneReread = new ReentrantLock();

    /** A token's row, as read at {@code readAt} by the service's clock. */
    private record Remembered(GolferStore.TokenRow row, Instant readAt) {
    }

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
        String id = token.get().id();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Remembered remembered = liveTokens.getIfPresent(id);
        Optional<GolferStore.TokenRow> row;
        if (remembered != null && remembered.row().expiresAt().isAfter(now)) {
            row = Optional.of(remembered.row());
            if (!remembered.readAt().plus(REMEMBER_TOKENS).isAfter(now)) {
                rereadLater(id);
            }
        } else {
            row = read(id, now, deadline);
        }
        return row.filter(found -> Hashes.matches(found.secretHash(), token.get().secret()))
                .map(found -> Caller.golfer(found.golfer(), id));
    }

    /** Reads the token's row and remembers it, or forgets the token when it is no longer live. */
    private Optional<GolferStore.TokenRow> read(String id, Instant now, Deadline deadline) {
        Optional<GolferStore.TokenRow> row = database.read("golfers.token", deadline,
                session -> golfers.liveToken(session, id, now));
        row.ifPresentOrElse(found -> liveTokens.put(id, new Remembered(found, now)), () -> liveTokens.invalidate(id));
        return row;
    }

    private void rereadLater(String id) {
        if (!rereading.add(id)) {
            return; // already in line
        }
        Thread.ofVirtual().name("token-reread").start(() -> {
            oneReread.lock();
            try {
                read(id, clock.instant().truncatedTo(ChronoUnit.MICROS), Deadline.after(REREAD_DEADLINE));
            } catch (DatabaseException e) {
                // Logged by the database layer; the row stays until FORGET_TOKENS after its last read.
            } finally {
                oneReread.unlock();
                rereading.remove(id);
            }
        });
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
        liveTokens.asMap().values().removeIf(remembered -> remembered.row().golfer().id().equals(golfer.id()));
        return renamed;
    }
}
