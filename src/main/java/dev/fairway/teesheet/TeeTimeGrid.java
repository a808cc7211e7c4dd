package dev.fairway.teesheet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lays out the tee times of a local date. Each range gives {@code firstTeeTime + k * interval}
 * up to {@code lastTeeTime}; each wall-clock time becomes an instant in the course's zone. A time
 * inside a daylight-saving gap gives no tee time; a time inside an overlap gives two, one per
 * offset. A day's tee times come in instant order. Bookings play no part: the grid never shifts.
 */
public final class TeeTimeGrid {

    private static final int SECONDS_PER_DAY = 86_400;

    private TeeTimeGrid() {
    }

    public static List<TeeTime> on(CourseRules rules, LocalDate date) {
        List<TimeRange> ranges = rules.hoursOn(date);
        if (ranges.isEmpty()) {
            return List.of();
        }
        int interval = rules.intervalOn(date);
        List<TimeRange> ordered = new ArrayList<>(ranges);
        ordered.sort(Comparator.comparing(TimeRange::firstTeeTime));
        ZoneOffset constant = constantOffset(rules.zone(), date);
        List<TeeTime> teeTimes = new ArrayList<>();
        for (TimeRange range : ordered) {
            int last = range.lastTeeTime().toSecondOfDay() / 60;
            for (int minute = range.firstTeeTime().toSecondOfDay() / 60; minute <= last; minute += interval) {
                LocalTime time = LocalTime.ofSecondOfDay(minute * 60L);
                if (constant != null) {
                    teeTimes.add(teeTime(date, time, constant));
                } else {
                    for (ZoneOffset offset : rules.zone().getRules().getValidOffsets(LocalDateTime.of(date, time))) {
                        teeTimes.add(teeTime(date, time, offset));
                    }
                }
            }
        }
        if (constant == null) {
            teeTimes.sort(Comparator.comparingLong(TeeTime::epochSecond));
        }
        return teeTimes;
    }

    /**
     * How many wall-clock tee times {@code date} has, without laying them out: what an answer about
     * the day will hold (a DST day may have one or two fewer or more).
     */
    public static int countOn(CourseRules rules, LocalDate date) {
        int interval = rules.intervalOn(date);
        int count = 0;
        for (TimeRange range : rules.hoursOn(date)) {
            int minutes = (range.lastTeeTime().toSecondOfDay() - range.firstTeeTime().toSecondOfDay()) / 60;
            count += minutes / interval + 1;
        }
        return count;
    }

    /**
     * The grid tee time that starts at {@code instant}, if there is one. Worked out from the
     * instant's own wall-clock time, without laying out the day: the offset in force at an
     * instant is always a valid offset of its wall-clock time, so the instant is a tee time
     * exactly when that wall-clock time is on the grid.
     */
    public static Optional<TeeTime> at(CourseRules rules, Instant instant) {
        ZoneOffset offset = rules.zone().getRules().getOffset(instant);
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
        if (local.getSecond() != 0 || local.getNano() != 0) {
            return Optional.empty();
        }
        LocalDate date = local.toLocalDate();
        int minute = local.getHour() * 60 + local.getMinute();
        int interval = rules.intervalOn(date);
        for (TimeRange range : rules.hoursOn(date)) {
            int first = range.firstTeeTime().toSecondOfDay() / 60;
            int last = range.lastTeeTime().toSecondOfDay() / 60;
            if (minute >= first && minute <= last && (minute - first) % interval == 0) {
                return Optional.of(new TeeTime(date, local.toLocalTime(), offset, instant.getEpochSecond()));
            }
        }
        return Optional.empty();
    }

    private static TeeTime teeTime(LocalDate date, LocalTime time, ZoneOffset offset) {
        long epochSecond = date.toEpochDay() * SECONDS_PER_DAY + time.toSecondOfDay() - offset.getTotalSeconds();
        return new TeeTime(date, time, offset, epochSecond);
    }

    /**
     * The one offset in force all through {@code date}, or null when a transition may fall on it.
     * The window checked runs from the earliest to the latest instant any zone could give the
     * date's wall clock, so a null here only ever costs the slower exact path.
     */
    static ZoneOffset constantOffset(ZoneId zone, LocalDate date) {
        ZoneRules rules = zone.getRules();
        LocalDateTime midnight = date.atStartOfDay();
        Instant earliest = midnight.toInstant(ZoneOffset.MAX);
        if (rules.isFixedOffset()) {
            return rules.getOffset(earliest);
        }
        Instant latest = midnight.plusDays(1).toInstant(ZoneOffset.MIN);
        ZoneOffsetTransition next = rules.nextTransition(earliest);
        if (next == null || next.getInstant().isAfter(latest)) {
            return rules.getOffset(earliest);
        }
        return null;
    }
}
