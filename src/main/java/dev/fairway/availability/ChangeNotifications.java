package dev.fairway.availability;

import dev.fairway.db.NotificationListener;
import dev.fairway.teesheet.TeeSheetChanges;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the database announces on {@value #CHANNEL} (see migration V2) into tee-sheet
 * changes, and keeps track of whether anything is being heard at all.
 */
public final class ChangeNotifications implements NotificationListener.Handler {

    public static final String CHANNEL = "fairway_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final TeeSheetChanges changes;
    private volatile boolean listening;

    public ChangeNotifications(TeeSheetChanges changes) {
        this.changes = changes;
    }

    /** Whether changes made elsewhere are being heard now. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void notified(String payload) {
        String[] parts = payload.split(" ");
        try {
            switch (parts[0]) {
                case "tee_time" -> changes.teeTimeChanged(parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
                case "block" -> changes.blockChanged(parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])),
                        Instant.ofEpochSecond(Long.parseLong(parts[3])));
                case "course" -> changes.courseChanged(parts[1]);
                default -> changes.everythingMayHaveChanged();
            }
        } catch (RuntimeException e) {
            log.warn("Unreadable change notification, dropping every cached copy: {}", e.toString());
            changes.everythingMayHaveChanged();
        }
    }

    @Override
    public void subscribed() {
        listening = true;
        changes.everythingMayHaveChanged(); // what changed while nobody listened was not heard
    }

    @Override
    public void lost() {
        listening = false;
        changes.everythingMayHaveChanged();
    }
}
