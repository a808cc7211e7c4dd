package dev.fairway.email;

import dev.fairway.db.Deadline;
import dev.fairway.db.SqlSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Puts a booking's emails into words from the booking and its course, as they are when it is sent. */
public interface EmailComposer {

    /**
     * The emails of {@code stored} (each about a booking), by id; one whose booking is gone is
     * left out, and, when they are {@code toSend}, a reminder whose booking was cancelled.
     */
    Map<String, OutgoingEmail> compose(List<StoredEmail> stored, boolean toSend, Deadline deadline);

    /**
     * What sending {@code email} leads to, written in the transaction that records it as sent:
     * a confirmation schedules its booking's reminder.
     */
    void sent(SqlSession session, StoredEmail email) throws SQLException;
}
