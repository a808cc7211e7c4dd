package dev.fairway.email;

import dev.fairway.db.Deadline;
import java.util.List;
import java.util.Map;

/** Puts a booking's emails into words from the booking and its course, as they are when it is sent. */
@FunctionalInterface
public interface EmailComposer {

    /**
     * The emails of {@code stored} (each about a booking), by id; one whose booking is gone is
     * left out.
     */
    Map<String, OutgoingEmail> compose(List<StoredEmail> stored, Deadline deadline);
}
