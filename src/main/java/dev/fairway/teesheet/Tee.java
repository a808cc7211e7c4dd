package dev.fairway.teesheet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tee rounds start from or turn to. Every tee of a course has the same grid of tee times; each
 * tee time of each tee is a slot of its own.
 *
 * @param name    its name, {@code [A-Za-z0-9]{1,8}}
 * @param turnsTo the tee where an 18-hole round started here plays its second nine; empty: such a
 *                round takes this one slot only
 * @param starts  when rounds may start here; empty: at every tee time; an empty list: never (the
 *                tee only takes turns)
 */
public record Tee(String name, Optional<String> turnsTo, Optional<List<StartWindow>> starts) {

    public static final String FIRST = "1";

    public Tee {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(turnsTo, "turnsTo");
        starts = starts.map(List::copyOf);
    }

    /** A tee rounds start from at every tee time and never turn from. */
    public static Tee plain(String name) {
        return new Tee(name, Optional.empty(), Optional.empty());
    }

    /** Whether a round may start here at {@code teeTime}. */
    public boolean startsAt(TeeTime teeTime) {
        return starts.map(windows -> windows.stream()
                .anyMatch(w -> w.appliesTo(teeTime.date().getDayOfWeek(), teeTime.time()))).orElse(true);
    }
}
