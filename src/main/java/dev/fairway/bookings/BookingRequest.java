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
 */
public record BookingRequest(String courseId, Instant start, int players, String name, String email,
                             String golferId, String booker) {

    /**
     * SHA-256 of the request's meaning: a repeat with an Idempotency-Key must carry the same one.
     * Each field is length-prefixed, so no two different requests can run together into one text.
     */
    public String fingerprint() {
        String canonical = field(courseId) + field(Long.toString(start.getEpochSecond()) + "." + start.getNano())
                + field(Integer.toString(players)) + field(name) + field(email == null ? "" : "@" + email)
                // Only a golfer's request adds a field, so an anonymous request's fingerprint is as it always was.
                + (golferId == null ? "" : field("golfer:" + golferId));
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
