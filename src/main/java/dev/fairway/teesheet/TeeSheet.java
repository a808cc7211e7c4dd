package dev.fairway.teesheet;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tee sheet of a course for a range of dates, a party size and a booking class: every grid
 * tee time with what is booked, what is left, its status, its rate, when it opens to the class
 * and the least players it takes. Pure: everything it needs is passed in.
 */
public final class TeeSheet {

    private final CourseRules rules;
    private final Instant now;
    private final BookingClass bookingClass;
    private final long earliestBookableSecond;
    private final Map<DayOfWeek, List<Rate>> ratesByDay = new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, List<MinPlayersRule>> minPlayersByDay = new EnumMap<>(DayOfWeek.class);

    /** The sheet as the public sees it. */
    public TeeSheet(CourseRules rules, Instant now) {
        this(rules, now, rules.publicClass());
    }

    /**
     * @param now          the current instant: it decides what is too soon and what is not yet released
     * @param bookingClass the class whose release times apply
     */
    public TeeSheet(CourseRules rules, Instant now, BookingClass bookingClass) {
        this.rules = rules;
        this.now = now;
        this.bookingClass = bookingClass;
        this.earliestBookableSecond = now.getEpochSecond() + rules.minNoticeMinutes() * 60L
                + (now.getNano() > 0 ? 1 : 0);
        for (DayOfWeek day : DayOfWeek.values()) {
            ratesByDay.put(day, rules.rates().stream().filter(r -> r.everyDay() || r.days().contains(day)).toList());
            minPlayersByDay.put(day, rules.policy().minPlayers().stream()
                    .filter(r -> r.days().isEmpty() || r.days().contains(day)).toList());
        }
    }

    /** The sheet of every tee's 18-hole rounds (or 9 where 18 are not played). */
    public List<DaySheet> days(LocalDate from, LocalDate to, int players, BookedCounts booked, List<Block> blocks) {
        return days(from, to, players, rules.layout().defaultHoles(), Optional.empty(), booked, blocks);
    }

    /**
     * Every round of {@code holes} that may start from {@code from} to {@code to}, on every tee (or
     * on {@code onlyTee}), ordered by start then by the tee's place in the course's tees.
     */
    public List<DaySheet> days(LocalDate from, LocalDate to, int players, int holes, Optional<String> onlyTee,
                               BookedCounts booked, List<Block> blocks) {
        Layout layout = rules.layout();
        List<Tee> tees = layout.tees();
        int count = tees.size();
        BlockedPeriods[] blocked = new BlockedPeriods[count];
        // Per tee: whether it is listed, and the tee its 18-hole rounds turn to (-1: none).
        boolean[] listed = new boolean[count];
        int[] turnsTo = new int[count];
        boolean anyTurn = false;
        for (int t = 0; t < count; t++) {
            Tee tee = tees.get(t);
            blocked[t] = BlockedPeriods.of(blocks.stream().filter(b -> b.everyTee() || b.tees().contains(tee.name())).toList());
            listed[t] = onlyTee.isEmpty() || onlyTee.get().equals(tee.name());
            turnsTo[t] = holes == 18 ? tee.turnsTo().map(layout::indexOf).orElse(-1) : -1;
            anyTurn |= listed[t] && turnsTo[t] >= 0;
        }
        int max = rules.maxPlayersPerTeeTime();
        // Slots are read in key order: starts by (instant, tee), each tee's turns by instant.
        BookedCounts.Cursor starts = booked.cursor();
        BookedCounts.Cursor[] turnSlots = new BookedCounts.Cursor[count];
        for (int t = 0; t < count; t++) {
            turnSlots[t] = booked.cursor();
        }
        List<DaySheet> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            List<TeeTime> grid = TeeTimeGrid.on(rules, date);
            List<TeeTimeSlot> slots = new ArrayList<>(grid.size() * count);
            List<Rate> rates = ratesByDay.get(date.getDayOfWeek());
            List<MinPlayersRule> least = minPlayersByDay.get(date.getDayOfWeek());
            Instant release = releasesAt(date);
            Instant releasesAt = now.isBefore(release) ? release : null;
            Rounds.TurnCursor turns = anyTurn ? Rounds.turns(layout, grid) : null;
            for (TeeTime teeTime : grid) {
                // What every tee's round at this instant shares: its rate, least players and turn tee time.
                Rate rate = rate(rates, teeTime, holes);
                int minPlayers = minPlayers(least, teeTime);
                TeeTime turnTime = turns == null ? null : turns.turnOf(teeTime);
                for (int t = 0; t < count; t++) {
                    Tee tee = tees.get(t);
                    if (!listed[t] || !tee.startsAt(teeTime)) {
                        continue;
                    }
                    int taken = starts.at(teeTime.epochSecond(), t);
                    int held = starts.held();
                    int startRoom = Math.max(0, max - taken - held);
                    int target = turnsTo[t];
                    boolean noTurn = target >= 0 && turnTime == null;
                    Turn turn = target >= 0 && turnTime != null ? new Turn(tees.get(target).name(), turnTime) : null;
                    int turnRoom = turn == null ? 0 : Math.max(0, max - turnSlots[target].at(turnTime.epochSecond(), target)
                            - turnSlots[target].held());
                    int available = turn == null ? startRoom : Math.min(startRoom, turnRoom);
                    boolean isBlocked = blocked[t].covers(teeTime.epochSecond())
                            || (turn != null && blocked[target].covers(turnTime.epochSecond()));
                    TeeTimeStatus status = status(teeTime, isBlocked, releasesAt == null, noTurn, minPlayers, available,
                            players);
                    slots.add(new TeeTimeSlot(teeTime, tee.name(), holes, taken, available, status, rate, releasesAt,
                            minPlayers, turn, turnRoom, held));
                }
            }
            days.add(new DaySheet(date, slots));
        }
        return days;
    }

    public boolean tooSoon(TeeTime teeTime) {
        return teeTime.epochSecond() < earliestBookableSecond;
    }

    /** Whether the tee time has opened to this sheet's class. */
    public boolean released(TeeTime teeTime) {
        return !now.isBefore(releasesAt(teeTime.date()));
    }

    /** When the tee times of {@code date} open to this sheet's class. */
    public Instant releasesAt(LocalDate date) {
        return ReleaseTimes.of(date, bookingClass, rules.zone());
    }

    /** The least players a booking of the tee time may have: 1 without a rule. */
    public int minPlayers(TeeTime teeTime) {
        return minPlayers(minPlayersByDay.get(teeTime.date().getDayOfWeek()), teeTime);
    }

    /** The first rate that applies to the tee time's weekday and wall-clock time, or null. */
    public Rate rate(TeeTime teeTime) {
        return rate(teeTime, rules.layout().defaultHoles());
    }

    /** The first rate that applies to the tee time, a round of {@code holes} and this sheet's class, or null. */
    public Rate rate(TeeTime teeTime, int holes) {
        return rate(ratesByDay.get(teeTime.date().getDayOfWeek()), teeTime, holes);
    }

    public Instant now() {
        return now;
    }

    /** The status of one round for a party of {@code players}, first match wins. */
    private TeeTimeStatus status(TeeTime teeTime, boolean blocked, boolean released, boolean noTurn, int minPlayers,
                                 int available, int players) {
        if (blocked) {
            return TeeTimeStatus.BLOCKED;
        }
        if (tooSoon(teeTime) || !released || players < minPlayers || noTurn) {
            return TeeTimeStatus.UNAVAILABLE;
        }
        return available < players ? TeeTimeStatus.FULL : TeeTimeStatus.OPEN;
    }

    private static int minPlayers(List<MinPlayersRule> rules, TeeTime teeTime) {
        for (MinPlayersRule rule : rules) {
            if (!teeTime.time().isBefore(rule.from()) && teeTime.time().isBefore(rule.until())) {
                return rule.players();
            }
        }
        return 1;
    }

    private Rate rate(List<Rate> rates, TeeTime teeTime, int holes) {
        for (Rate rate : rates) {
            if (!teeTime.time().isBefore(rate.from()) && teeTime.time().isBefore(rate.until())
                    && rate.appliesTo(holes, bookingClass.name())) {
                return rate;
            }
        }
        return null;
    }
}
