package dev.fairway.teesheet;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The least players a booking may have on {@code days} (every day when empty) from {@code from}
 * (included) to {@code until} (excluded), wall-clock time.
 */
public record MinPlayersRule(Set<DayOfWeek> days, LocalTime from, LocalTime until, int players) {

    public MinPlayersRule {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (players < 1) {
            throw new IllegalArgumentException("players must be positive");
        }
    }

    public boolean appliesTo(DayOfWeek day, LocalTime time) {
        return (days.isEmpty() || days.contains(day)) && !time.isBefore(from) && time.isBefore(until);
    }
}
