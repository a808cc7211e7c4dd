package dev.fairway.availability;

import dev.fairway.db.postgres.NotificationListener;
import dev.fairway.teesheet.TeeSheetChanges;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what is heard on {@value ChangePayloads#CHANNEL} (see {@link ChangePayloads}) into
 * tee-sheet changes, skipping what this instance sent itself, and keeps track of whether
 * anything is being heard at all.
 */
public final class ChangeNotifications implements NotificationListener.Handler {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final TeeSheetChanges changes;
    private final String self;
    private volatile boolean listening;

    /** @param self this instance's id, as its {@link ChangePublisher} sends it */
    public ChangeNotifications(TeeSheetChanges changes, String self) {
        this.changes = changes;
        this.self = self;
    }

    /** Whether changes made elsewhere are being heard now. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void notified(String payload) {
        String[] lines = payload.split("\n");
        if (lines[0].equals(ChangePayloads.FROM + " " + self)) {
            return; // this instance's own changes, applied when it made them
        }
        for (String line : lines) {
            apply(line);
        }
    }

    private void apply(String line) {
        String[] parts = line.split(" ");
        try {
            switch (parts[0]) {
                case ChangePayloads.FROM -> { }
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
