package dev.fairway.bookings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a group asks to book: {@code players} on consecutive tee times of one tee from {@code start}.
 *
 * @param courseId the course
 * @param start    the first tee time
 * @param tee      the tee
 * @param holes    9 or 18
 * @param players  2..400, spread over the tee times
 * @param name     the name every part is booked under
 * @param email    an email, or null
 * @param golferId the signed-in golfer booking, or null
 * @param booker   who the parts count against for the limits, or null
 */
record GroupRequest(String courseId, Instant start, String tee, int holes, int players, String name, String email,
                    String golferId, String booker) {

    /** The request of part {@code n}, of {@code players} at {@code start}. */
    BookingRequest part(Instant partStart, int partPlayers) {
        return new BookingRequest(courseId, partStart, partPlayers, name, email, golferId, booker, tee, holes);
    }

    /** SHA-256 of the request's meaning, for its Idempotency-Key. */
    String fingerprint() {
        String canonical = "group;" + courseId + ";" + start.getEpochSecond() + ";" + tee + ";" + holes + ";" + players
                + ";" + name.length() + ":" + name + ";" + (email == null ? "" : email) + ";"
                + (golferId == null ? "" : golferId);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
