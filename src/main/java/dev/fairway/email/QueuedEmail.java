package dev.fairway.email;

import java.time.Instant;

/**
 * An email to be written to the outbox, with what causes it.
 *
 * @param id       its id (and its Message-ID's local part)
 * @param kind     why it is sent
 * @param to       the recipient
 * @param subject  the subject
 * @param text     the plain-text body
 * @param calendar its {@code tee-time.ics}, or null
 * @param dueAt    when to send it; null for at once (the database's now: instances' clocks may differ)
 */
public record QueuedEmail(String id, EmailKind kind, String to, String subject, String text, String calendar,
                          Instant dueAt) {
}
