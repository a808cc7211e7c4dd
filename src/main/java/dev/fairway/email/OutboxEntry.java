package dev.fairway.email;

import java.time.Instant;

/**
 * An email in the outbox, as the admin reads it.
 *
 * @param id        its id
 * @param to        its recipient
 * @param subject   its subject
 * @param status    pending, sent, failed or cancelled
 * @param attempts  delivery attempts so far
 * @param createdAt when it was written (with what caused it)
 * @param sentAt    when SMTP took it, or null
 * @param text      its body
 */
public record OutboxEntry(String id, String to, String subject, String status, int attempts, Instant createdAt,
                          Instant sentAt, String text) {
}
