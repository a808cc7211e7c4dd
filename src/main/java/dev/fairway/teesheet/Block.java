package dev.fairway.teesheet;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A period in which no tee time can be booked: {@code start} included, {@code end} excluded. */
public record Block(String id, Instant start, Instant end, String reason, Set<String> tees) {

    public Block {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a block must start before it ends");
        }
        tees = Set.copyOf(tees);
    }

    /** A block of every tee. */
    public Block(String id, Instant start, Instant end, String reason) {
        this(id, start, end, reason, Set.of());
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** Whether it covers the slot of {@code tee} at {@code instant}. */
    public boolean covers(String tee, Instant instant) {
        return covers(instant) && (tees.isEmpty() || tees.contains(tee));
    }

    public boolean everyTee() {
        return tees.isEmpty();
    }
}
