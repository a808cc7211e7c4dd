package dev.fairway.teesheet;

import java.time.Instant;
import java.util.Objects;

/** A period in which no tee time can be booked: {@code start} included, {@code end} excluded. */
public record Block(String id, Instant start, Instant end, String reason) {

    public Block {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a block must start before it ends");
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
