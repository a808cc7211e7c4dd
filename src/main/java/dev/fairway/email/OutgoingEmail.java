package dev.fairway.email;

/**
 * An email as it is handed to SMTP.
 *
 * @param id       its id in the outbox, also its Message-ID's local part: one email, one Message-ID
 * @param to       the recipient
 * @param subject  the subject
 * @param text     the plain-text body
 * @param calendar an iCalendar file to attach as {@code tee-time.ics}, or null
 */
public record OutgoingEmail(String id, String to, String subject, String text, String calendar) {
}
