package dev.fairway.email;

/**
 * An email as the outbox holds it. A booking's emails hold a reference only, and are put into
 * words by an {@link EmailComposer} when they are sent or read; others hold their words.
 *
 * @param id        its id, also its Message-ID's local part
 * @param kind      why it is sent
 * @param bookingId the booking it is about, or null
 * @param to        the recipient
 * @param subject   its subject, or null when it is composed from its booking
 * @param text      its body, or null when it is composed from its booking
 * @param calendar  its {@code tee-time.ics}, or null
 */
public record StoredEmail(String id, EmailKind kind, String bookingId, String to, String subject, String text,
                          String calendar) {

    /** Whether its words are stored with it. */
    boolean written() {
        return subject != null && text != null;
    }

    OutgoingEmail asWritten() {
        return new OutgoingEmail(id, to, subject, text, calendar);
    }
}
