package dev.fairway.bookings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a golfer asks to book. Instants are compared, not strings: the same tee time written in
 * another offset is the same request.
 *
 * @param courseId the course
 * @param start    the tee time
 * @param players  the party size
 * @param name     the name to book under
 * @param email    an email, or null
 * @param golferId the signed-in golfer booking, or null
 * @param booker   who the booking counts against for the limits, lower-cased, or null
 * @param tee      the tee the round starts from
 * @param holes    9 or 18
 */
public record BookingRequest(String courseId, Instant start, int players, String name, String email,
                             String golferId, String booker, String tee, int holes) {

    /** A request of Parts 1 and 2: an 18-hole round from the first tee. */
    public BookingRequest(String courseId, Instant start, int players, String name, String email, String golferId,
                          String booker) {
        this(courseId, start, players, name, email, golferId, booker, dev.fairway.teesheet.Tee.FIRST, 18);
    }

    /**
     * SHA-256 of the request's meaning: a repeat with an Idempotency-Key must carry the same one.
     * Each field is length-prefixed, so no two different requests can run together into one text.
     */
    public String fingerprint() {
        String canonical = field(courseId) + field(Long.toString(start.getEpochSecond()) + "." + start.getNano())
                + field(Integer.toString(players)) + field(name) + field(email == null ? "" : "@" + email)
                // Only a golfer's request adds a field, so an anonymous request's fingerprint is as it always was;
                // so does a round other than an 18-hole one from tee 1.
                + (golferId == null ? "" : field("golfer:" + golferId))
                + (tee.equals(dev.fairway.teesheet.Tee.FIRST) && holes == 18 ? "" : field("round:" + tee + ":" + holes));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String field(String value) {
        return value.length() + ":" + value + ";";
    }
}
