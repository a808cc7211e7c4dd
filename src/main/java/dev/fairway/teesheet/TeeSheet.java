package dev.fairway.teesheet;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tee sheet of a course for a range of dates and a party size: every grid tee time with
 * what is booked, what is left, its status and its rate. Pure: everything it needs is passed in.
 */
public final class TeeSheet {

    private final CourseRules rules;
    private final Instant now;
    private final LocalDate lastBookableDate;
    private final long earliestBookableSecond;
    private final Map<DayOfWeek, List<Rate>> ratesByDay = new EnumMap<>(DayOfWeek.class);

    /** @param now the current instant: it decides what is too soon and what is beyond the window */
    public TeeSheet(CourseRules rules, Instant now) {
        this.rules = rules;
        this.now = now;
        this.lastBookableDate = LocalDate.ofInstant(now, rules.zone()).plusDays(rules.bookingWindowDays());
        this.earliestBookableSecond = now.getEpochSecond() + rules.minNoticeMinutes() * 60L
                + (now.getNano() > 0 ? 1 : 0);
        for (DayOfWeek day : DayOfWeek.values()) {
            ratesByDay.put(day, rules.rates().stream().filter(r -> r.everyDay() || r.days().contains(day)).toList());
        }
    }

    public List<DaySheet> days(LocalDate from, LocalDate to, int players, BookedCounts booked, List<Block> blocks) {
        BlockedPeriods blocked = BlockedPeriods.of(blocks);
        List<DaySheet> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            List<TeeTime> grid = TeeTimeGrid.on(rules, date);
            List<TeeTimeSlot> slots = new ArrayList<>(grid.size());
            List<Rate> rates = ratesByDay.get(date.getDayOfWeek());
            for (TeeTime teeTime : grid) {
                int taken = booked.at(teeTime.epochSecond());
                int available = Math.max(0, rules.maxPlayersPerTeeTime() - taken);
                TeeTimeStatus status = status(teeTime, blocked, available, players);
                slots.add(new TeeTimeSlot(teeTime, taken, available, status, rate(rates, teeTime)));
            }
            days.add(new DaySheet(date, slots));
        }
        return days;
    }

    /** The status of one tee time for a party of {@code players}, first match wins. */
    public TeeTimeStatus status(TeeTime teeTime, List<Block> blocks, int available, int players) {
        return status(teeTime, BlockedPeriods.of(blocks), available, players);
    }

    public boolean tooSoon(TeeTime teeTime) {
        return teeTime.epochSecond() < earliestBookableSecond;
    }

    public boolean beyondWindow(TeeTime teeTime) {
        return teeTime.date().isAfter(lastBookableDate);
    }

    /** The first rate that applies to the tee time's weekday and wall-clock time, or null. */
    public Rate rate(TeeTime teeTime) {
        return rate(ratesByDay.get(teeTime.date().getDayOfWeek()), teeTime);
    }

    public Instant now() {
        return now;
    }

    private TeeTimeStatus status(TeeTime teeTime, BlockedPeriods blocked, int available, int players) {
        if (blocked.covers(teeTime.epochSecond())) {
            return TeeTimeStatus.BLOCKED;
        }
        if (tooSoon(teeTime) || beyondWindow(teeTime)) {
            return TeeTimeStatus.UNAVAILABLE;
        }
        if (available < players) {
            return TeeTimeStatus.FULL;
        }
        return TeeTimeStatus.OPEN;
    }

    private static Rate rate(List<Rate> rates, TeeTime teeTime) {
        for (Rate rate : rates) {
            if (!teeTime.time().isBefore(rate.from()) && teeTime.time().isBefore(rate.until())) {
                return rate;
            }
        }
        return null;
    }
}
