package dev.fairway.golfers;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Signed-in golfers: who a token belongs to, signing out, and the golfer's name. */
public final class GolferService {

    private final Database database;
    private final Clock clock;
    private final GolferStore golfers = new GolferStore();

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
        return database.read("golfers.token", deadline, session -> golfers.liveToken(session, token.get().id(), now))
                .filter(row -> Hashes.matches(row.secretHash(), token.get().secret()))
                .map(row -> Caller.golfer(row.golfer(), token.get().id()));
    }

    public void signOut(Caller caller, Deadline deadline) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        database.write("golfers.sign-out", deadline, session -> {
            golfers.signOut(session, caller.tokenId(), now);
            return null;
        });
    }

    public Golfer rename(Golfer golfer, String name, Deadline deadline) {
        return database.write("golfers.rename", deadline, session -> golfers.rename(session, golfer.id(), name));
    }
}
