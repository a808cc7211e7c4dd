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

    /** A tee as golfers say it: "10th" for tee 10, "1st" for 1, the name itself for a tee named otherwise. */
    public static String spoken(String name) {
        if (!name.matches("[0-9]{1,3}")) {
            return name;
        }
        int n = Integer.parseInt(name);
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
