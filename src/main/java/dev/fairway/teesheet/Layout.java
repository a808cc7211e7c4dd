package dev.fairway.teesheet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A course's tees and rounds (Part 3). A course that sets none of it has {@link #DEFAULT}: one tee,
 * "1", rounds of 18 holes that take one slot each, as before.
 *
 * @param tees            1..4 tees, in the course's order (availability lists them so)
 * @param rounds          the round lengths golfers may book, a non-empty subset of {9, 18}
 * @param turnMinutes     from a round's start to its turn (30..300)
 * @param turnWaitMinutes how long after that the turn tee time may be (0..60)
 */
public record Layout(List<Tee> tees, Set<Integer> rounds, int turnMinutes, int turnWaitMinutes) {

    public static final int TURN_MINUTES = 120;
    public static final int TURN_WAIT_MINUTES = 10;
    public static final Set<Integer> ROUNDS = Set.of(18);
    public static final Layout DEFAULT = new Layout(List.of(Tee.plain(Tee.FIRST)), ROUNDS, TURN_MINUTES, TURN_WAIT_MINUTES);

    public Layout {
        tees = List.copyOf(tees);
        rounds = java.util.Collections.unmodifiableSet(new TreeSet<>(rounds));
        if (tees.isEmpty() || rounds.isEmpty()) {
            throw new IllegalArgumentException("a course has a tee and a round length");
        }
        Set<String> names = new java.util.HashSet<>();
        tees.forEach(tee -> names.add(tee.name()));
        for (Tee tee : tees) {
            tee.turnsTo().filter(target -> !names.contains(target)).ifPresent(target -> {
                throw new IllegalArgumentException("turnsTo names no tee: " + target);
            });
        }
    }

    public Optional<Tee> tee(String name) {
        return tees.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The tee's place in {@link #tees}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < tees.size(); i++) {
            if (tees.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public Tee firstTee() {
        return tees.getFirst();
    }

    /** The holes a request means when it names none: 18 when allowed, else 9. */
    public int defaultHoles() {
        return rounds.contains(18) ? 18 : 9;
    }

    public Duration turn() {
        return Duration.ofMinutes(turnMinutes);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
