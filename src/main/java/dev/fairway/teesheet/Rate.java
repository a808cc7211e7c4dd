package dev.fairway.teesheet;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A price rule: it applies on {@code days} (every day when empty) from {@code from} (included) to
 * {@code until} (excluded), wall-clock time.
 */
public record Rate(String name, Set<DayOfWeek> days, LocalTime from, LocalTime until, BigDecimal pricePerPlayer,
                   Optional<Integer> holes, Set<String> classes) {

    public Rate {
        Objects.requireNonNull(name, "name");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(pricePerPlayer, "pricePerPlayer");
        Objects.requireNonNull(holes, "holes");
        classes = Set.copyOf(classes);
    }

    /** A rate for every round and class (Parts 1 and 2). */
    public Rate(String name, Set<DayOfWeek> days, LocalTime from, LocalTime until, BigDecimal pricePerPlayer) {
        this(name, days, from, until, pricePerPlayer, Optional.empty(), Set.of());
    }

    public boolean everyDay() {
        return days.isEmpty();
    }

    public boolean appliesTo(DayOfWeek day, LocalTime time) {
        return (days.isEmpty() || days.contains(day)) && !time.isBefore(from) && time.isBefore(until);
    }

    /** Whether it prices a round of {@code roundHoles} for a booker of {@code bookingClass}. */
    public boolean appliesTo(int roundHoles, String bookingClass) {
        return holes.map(h -> h == roundHoles).orElse(true) && (classes.isEmpty() || classes.contains(bookingClass));
    }
}
