package dev.fairway.golfers;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.email.EmailKind;
import dev.fairway.email.Mailbox;
import dev.fairway.email.Outbox;
import dev.fairway.email.StoredEmail;
import dev.fairway.ids.RandomIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in by emailed code. A code is 6 random digits, valid {@link #CODE_VALID_FOR}, usable once.
 * The code's email is written in the transaction that stores the code's hash, so a stored code is
 * always sent. The first verified code of an email makes its golfer.
 *
 * <p>What a stranger who knows a golfer's email can do is bounded per requesting client (its
 * address, as the rate limits see it), so that it cannot silence the golfer: an email is sent at
 * most {@link #CODES_PER_HOUR} codes an hour for each client that asks, and
 * {@link #CODES_PER_HOUR_IN_ALL} in all; a client that sent {@link #MAX_WRONG_TRIES} wrong codes for
 * an email in the last {@link #CODE_VALID_FOR} is refused for it without a check, and its wrong
 * codes count against its own codes only, which die at the fifth. A golfer's code, asked for from
 * the golfer's own address, is voided by nobody else's guesses.
 */
public final class SignInService {

    public static final Duration CODE_VALID_FOR = Duration.ofMinutes(10);
    public static final Duration TOKEN_VALID_FOR = Duration.ofDays(30);
    public static final int CODES_PER_HOUR = 5;
    /** The most an email is sent in an hour, whoever asks: what a stranger with many addresses can flood it with. */
    public static final int CODES_PER_HOUR_IN_ALL = 20;
    public static final int MAX_WRONG_TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final Outbox outbox;
    private final Runnable emailWritten;
    private final SignInCodeStore codes = new SignInCodeStore();
    private final GolferStore golfers = new GolferStore();

    /** @param emailWritten told after a commit that wrote a code's email */
    public SignInService(Database database, Clock clock, Outbox outbox, Runnable emailWritten) {
        this.database = database;
        this.clock = clock;
        this.outbox = outbox;
        this.emailWritten = emailWritten;
    }

    /**
     * A golfer signed in.
     *
     * @param token     the bearer token, the only time it is seen
     * @param expiresAt when it stops working
     * @param golfer    the golfer
     */
    public record SignedIn(String token, Instant expiresAt, Golfer golfer) {
    }

    /**
     * Emails a new code to {@code email}, unless {@code client} asked for {@link #CODES_PER_HOUR}
     * in the last hour or everyone together for {@link #CODES_PER_HOUR_IN_ALL}; answers alike either
     * way, so nobody learns from it whether the email is known.
     *
     * @param client the requesting client's address
     * @return until when a code sent now is valid
     */
    public Instant requestCode(Mailbox email, String client, Deadline deadline) {
        Instant now = now();
        String key = email.key();
        byte[] clientHash = Hashes.sha256(client);
        boolean sent = database.write("sign-in.request", deadline, session -> {
            codes.lockEmail(session, key);
            SignInCodeStore.Sent recent = codes.codesSince(session, key, clientHash, now.minus(Duration.ofHours(1)));
            if (recent.fromClient() >= CODES_PER_HOUR || recent.inAll() >= CODES_PER_HOUR_IN_ALL) {
                return false;
            }
            String id = RandomIds.next();
            String digits = digits();
            codes.add(session, id, key, clientHash, codeHash(id, digits), now, CODE_VALID_FOR);
            outbox.write(session, new StoredEmail(RandomIds.next(), EmailKind.SIGN_IN, null, email.address(),
                    "Your Fairway sign-in code", text(digits), null));
            return true;
        });
        if (sent) {
            emailWritten.run();
        }
        return now.plus(CODE_VALID_FOR);
    }

    /**
     * Signs the golfer of {@code email} in with {@code code}: empty when no live code of the email
     * matches (a wrong try of {@code client}'s), or when the client already sent
     * {@link #MAX_WRONG_TRIES} wrong codes for the email within {@link #CODE_VALID_FOR}.
     */
    public Optional<SignedIn> verify(Mailbox email, String code, String client, Deadline deadline) {
        Instant now = now();
        String key = email.key();
        byte[] clientHash = Hashes.sha256(client);
        return database.write("sign-in.verify", deadline, session -> {
            if (codes.failuresSince(session, key, clientHash, now.minus(CODE_VALID_FOR)) >= MAX_WRONG_TRIES) {
                return Optional.<SignedIn>empty();
            }
            List<SignInCodeStore.LiveCode> live = codes.lockLive(session, key, now, MAX_WRONG_TRIES);
            for (SignInCodeStore.LiveCode candidate : live) {
                if (Hashes.matches(candidate.hash(), candidate.id() + ":" + code)) {
                    codes.use(session, candidate.id(), now);
                    Golfer golfer = golfers.golferFor(session, RandomIds.next(), email.address(), now);
                    GolferToken token = GolferToken.next();
                    Instant expiresAt = now.plus(TOKEN_VALID_FOR);
                    golfers.addToken(session, token, golfer.id(), now, expiresAt);
                    return Optional.of(new SignedIn(token.text(), expiresAt, golfer));
                }
            }
            codes.wrongTry(session, key, clientHash, now);
            return Optional.<SignedIn>empty();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] codeHash(String id, String digits) {
        return Hashes.sha256(id + ":" + digits);
    }

    private static String digits() {
        return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }

    /** The code stands alone on its line, so a mail client (or a test) finds it without guessing. */
    private static String text(String digits) {
        return """
                Your code to sign in to Fairway:

                %s

                Type it where you asked for it within %d minutes. It works once.
                If you did not ask to sign in, ignore this email: nobody can sign in without the code.
                """.formatted(digits, CODE_VALID_FOR.toMinutes());
    }
}
