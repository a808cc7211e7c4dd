package dev.fairway.email;

import dev.fairway.db.Params;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The SQL that writes emails into the outbox as part of another statement, so that an email is
 * committed with what causes it, on that statement's round trip.
 */
public final class OutboxRows {

    private static final String ROW = "(?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz)";

    private OutboxRows() {
    }

    /**
     * A common table expression, {@code , <name> as (insert ...)}, that writes {@code count} emails
     * once for each row of {@code source}, whose {@code id} column is the booking they are about;
     * "" for none. Its parameters are bound by {@link #bind}.
     */
    public static String insertFor(String name, String source, int count) {
        if (count == 0) {
            return "";
        }
        return ",\n" + name + " as (insert into email (id, kind, booking_id, recipient, subject, body_text, calendar, due_at) "
                + "select e.id, e.kind, s.id, e.recipient, e.subject, e.body, e.calendar, coalesce(e.due_at, now()) from " + source + " s, "
                + "(values " + String.join(", ", Collections.nCopies(count, ROW)) + ") "
                + "as e(id, kind, recipient, subject, body, calendar, due_at))\n";
    }

    /** Binds the emails of {@link #insertFor} from {@code first}; returns the index after them. */
    public static int bind(Params params, int first, List<QueuedEmail> emails) throws SQLException {
        int i = first;
        for (QueuedEmail email : emails) {
            params.setString(i++, email.id());
            params.setString(i++, email.kind().stored());
            params.setString(i++, email.to());
            params.setString(i++, email.subject());
            params.setString(i++, email.text());
            params.setString(i++, email.calendar());
            params.setInstant(i++, email.dueAt());
        }
        return i;
    }
}
