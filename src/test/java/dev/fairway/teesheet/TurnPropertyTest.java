package dev.fairway.teesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The turn of an 18-hole round against a brute-force oracle that walks the clock minute by minute,
 * on the days the clocks change in three zones: New York (an hour, at 02:00), London (an hour, at
 * 01:00 and 02:00) and Lord Howe Island (half an hour, at 02:00).
 */
class TurnPropertyTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/London"),
            ZoneId.of("Australia/Lord_Howe"));

    /**
     * A course, one tee time of a date, and the turn's settings.
     *
     * @param rules the course, tee 1 turning to tee 10
     * @param start the round's first tee time
     */
    record Case(CourseRules rules, TeeTime start) {
    }

    @Property(tries = 3000)
    void the_turn_is_the_first_tee_time_the_oracle_finds_or_there_is_none(@ForAll("cases") Case c) {
        Layout layout = c.rules().layout();
        Rounds.Plan plan = Rounds.plan(layout, layout.tee("1").orElseThrow(), c.start(), 18,
                TeeTimeGrid.on(c.rules(), c.start().date()));

        Optional<Instant> expected = oracle(c);
        if (expected.isEmpty()) {
            assertThat(plan).isInstanceOf(Rounds.NoTurn.class);
        } else {
            assertThat(plan).isInstanceOf(Rounds.Slots.class);
            Turn turn = ((Rounds.Slots) plan).turn();
            assertThat(turn.tee()).isEqualTo("10");
            assertThat(turn.teeTime().instant()).isEqualTo(expected.get());
            assertThat(turn.teeTime().date()).isEqualTo(c.start().date());
        }
    }

    @Property(tries = 500)
    void nine_holes_and_a_tee_that_does_not_turn_take_the_start_slot_only(@ForAll("cases") Case c) {
        Layout layout = c.rules().layout();
        List<TeeTime> day = TeeTimeGrid.on(c.rules(), c.start().date());

        assertThat(Rounds.plan(layout, layout.tee("1").orElseThrow(), c.start(), 9, day))
                .isEqualTo(new Rounds.Slots(c.start(), null));
        assertThat(Rounds.plan(layout, layout.tee("10").orElseThrow(), c.start(), 18, day))
                .isEqualTo(new Rounds.Slots(c.start(), null));
    }

    @Test
    void a_round_at_half_past_midnight_in_new_york_on_the_spring_day_turns_an_hour_of_clock_later() {
        CourseRules rules = course(ZoneId.of("America/New_York"), 10, List.of(new TimeRange(LocalTime.of(0, 0),
                LocalTime.of(23, 50))), 120, 10);
        TeeTime start = TeeTimeGrid.at(rules, Instant.parse("2026-03-08T05:30:00Z")).orElseThrow(); // 00:30 EST

        Turn turn = ((Rounds.Slots) Rounds.plan(rules, "1", start, 18).orElseThrow()).turn();

        assertThat(turn.teeTime().time()).isEqualTo(LocalTime.of(3, 30)); // two hours later: 03:30 EDT
    }

    /**
     * The first instant, minute by minute from start + turnMinutes to start + turnMinutes +
     * turnWaitMinutes, whose wall-clock time in the zone is on the start's date and on its grid.
     */
    private static Optional<Instant> oracle(Case c) {
        Layout layout = c.rules().layout();
        Instant earliest = c.start().instant().plusSeconds(layout.turnMinutes() * 60L);
        List<LocalTime> grid = wallClockGrid(c.rules(), c.start().date());
        for (int minute = 0; minute <= layout.turnWaitMinutes(); minute++) {
            Instant at = earliest.plusSeconds(minute * 60L);
            LocalDateTime local = LocalDateTime.ofInstant(at, c.rules().zone());
            if (local.toLocalDate().equals(c.start().date()) && local.getSecond() == 0
                    && grid.contains(local.toLocalTime())) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The grid's wall-clock times, worked out without the code under test. */
    private static List<LocalTime> wallClockGrid(CourseRules rules, LocalDate date) {
        List<LocalTime> times = new ArrayList<>();
        for (TimeRange range : rules.hoursOn(date)) {
            for (LocalTime time = range.firstTeeTime(); !time.isAfter(range.lastTeeTime());
                 time = time.plusMinutes(rules.teeTimeIntervalMinutes())) {
                times.add(time);
                if (time.plusMinutes(rules.teeTimeIntervalMinutes()).isBefore(time)) {
                    break;
                }
            }
        }
        return times;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES);
        Arbitrary<Integer> interval = Arbitraries.of(5, 7, 8, 9, 10, 12, 15, 20, 30);
        Arbitrary<Integer> from = Arbitraries.integers().between(0, 240);
        Arbitrary<Integer> until = Arbitraries.integers().between(600, 1439);
        Arbitrary<Integer> turnMinutes = Arbitraries.integers().between(30, 300);
        Arbitrary<Integer> wait = Arbitraries.integers().between(0, 60);
        Arbitrary<Integer> year = Arbitraries.integers().between(2000, 2040);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Boolean> spring = Arbitraries.of(true, false);
        return Combinators.combine(zone, interval, from, until, turnMinutes, wait, year, Combinators.combine(pick,
                        spring).as((p, s) -> new int[] {p, s ? 0 : 1}))
                .as((z, i, f, u, t, w, y, ps) -> {
                    CourseRules rules = course(z, i, List.of(new TimeRange(LocalTime.ofSecondOfDay(f * 60L),
                            LocalTime.ofSecondOfDay(u * 60L))), t, w);
                    LocalDate date = transitionDate(z, y, ps[1] == 0);
                    List<TeeTime> day = TeeTimeGrid.on(rules, date);
                    return new Case(rules, day.get(ps[0] % day.size()));
                });
    }

    /** The date of the zone's first (spring in the north) or second clock change of the year. */
    private static LocalDate transitionDate(ZoneId zone, int year, boolean first) {
        ZoneOffsetTransition change = zone.getRules().nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(zone)
                .toInstant());
        if (!first) {
            change = zone.getRules().nextTransition(change.getInstant());
        }
        return change.getDateTimeBefore().toLocalDate();
    }

    private static CourseRules course(ZoneId zone, int interval, List<TimeRange> hours, int turnMinutes, int wait) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, hours);
        }
        Layout layout = new Layout(List.of(new Tee("1", Optional.of("10"), Optional.empty()), Tee.plain("10")),
                Set.of(9, 18), turnMinutes, wait);
        return new CourseRules(zone, interval, 4, 14, 0, 0, Currency.getInstance("USD"), week, Map.of(), List.of(),
                CourseRules.REMINDER_HOURS_BEFORE, CourseRules.ROUND_MINUTES, BookingPolicy.NONE, layout);
    }
}
