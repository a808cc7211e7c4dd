package dev.fairway.teesheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A date whose hours replace the weekday's: a holiday closure ({@code hours} empty) or a day with
 * its own hours and, optionally, its own interval.
 */
public record DateOverride(LocalDate date, List<TimeRange> hours, OptionalInt teeTimeIntervalMinutes) {

    public DateOverride {
        Objects.requireNonNull(date, "date");
        hours = List.copyOf(hours);
        Objects.requireNonNull(teeTimeIntervalMinutes, "teeTimeIntervalMinutes");
    }
}
