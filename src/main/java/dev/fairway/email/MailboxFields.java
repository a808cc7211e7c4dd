package dev.fairway.email;

import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.JsonFields;
import java.util.Optional;

/** Email fields of a request: each one mailbox ({@link Mailbox}), else a 400 naming the field. */
public final class MailboxFields {

    static final String PROBLEM = "must be one email address, such as ann@example.com: no name, comment, list or "
            + "quotes around it, at most " + Mailbox.MAX_LENGTH + " characters";

    private MailboxFields() {
    }

    public static Mailbox required(JsonFields body, String field) {
        return parse(body, field, body.requiredString(field, 1, Mailbox.MAX_LENGTH));
    }

    /** The field's mailbox, or empty when the field is absent or null. */
    public static Optional<Mailbox> optional(JsonFields body, String field) {
        return body.optionalString(field, 0, Mailbox.MAX_LENGTH).map(text -> parse(body, field, text));
    }

    /** A path's or query's email: {@code name} is what the 400 calls it. */
    public static Mailbox of(String text, String name) {
        return Mailbox.parse(text.strip()).orElseThrow(() -> new InvalidRequestException(name, name + " " + PROBLEM));
    }

    private static Mailbox parse(JsonFields body, String field, String text) {
        return Mailbox.parse(text.strip()).orElseThrow(() -> body.invalid(field, PROBLEM));
    }
}
