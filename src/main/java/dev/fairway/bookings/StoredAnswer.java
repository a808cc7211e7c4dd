package dev.fairway.bookings;

/**
 * The first answer to a request with an Idempotency-Key, as stored and replayed.
 *
 * @param status    its HTTP status
 * @param body      its body, byte for byte
 * @param bookingId the booking it made, or null
 */
public record StoredAnswer(int status, String body, String bookingId) {
}
