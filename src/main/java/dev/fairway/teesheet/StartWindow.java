package dev.fairway.teesheet;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When rounds may start from a tee: on {@code days} (every day when empty), at local times
 * {@code from <= time < until}.
 */
public record StartWindow(Set<DayOfWeek> days, LocalTime from, LocalTime until) {

    public StartWindow {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    public boolean appliesTo(DayOfWeek day, LocalTime time) {
        return (days.isEmpty() || days.contains(day)) && !time.isBefore(from) && time.isBefore(until);
    }
}
