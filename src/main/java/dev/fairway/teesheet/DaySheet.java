package dev.fairway.teesheet;

import java.time.LocalDate;
import java.util.List;

/** Every tee time of one local date, in instant order. */
public record DaySheet(LocalDate date, List<TeeTimeSlot> teeTimes) {

    public DaySheet {
        teeTimes = List.copyOf(teeTimes);
    }
}
