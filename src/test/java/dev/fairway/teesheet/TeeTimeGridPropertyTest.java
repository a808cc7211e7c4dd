package dev.fairway.teesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the grid over random courses, zones and dates, half of them days the clocks change. */
class TeeTimeGridPropertyTest {

    /**
     * A course and one of its dates.
     *
     * @param rules the course
     * @param date  the date whose grid is laid out
     */
    record Case(CourseRules rules, LocalDate date) {
    }

    @Property(tries = 2000)
    void tee_times_strictly_increase_by_instant(@ForAll("cases") Case c) {
        List<TeeTime> grid = TeeTimeGrid.on(c.rules(), c.date());

        for (int i = 1; i < grid.size(); i++) {
            assertThat(grid.get(i).epochSecond()).isGreaterThan(grid.get(i - 1).epochSecond());
        }
    }

    @Property(tries = 2000)
    void every_tee_time_is_a_wall_clock_time_of_the_grid_at_a_valid_offset(@ForAll("cases") Case c) {
        ZoneRules zone = c.rules().zone().getRules();
        Set<LocalTime> wallClock = new HashSet<>(wallClockGrid(c));

        for (TeeTime teeTime : TeeTimeGrid.on(c.rules(), c.date())) {
            LocalDateTime local = LocalDateTime.of(c.date(), teeTime.time());
            assertThat(teeTime.date()).isEqualTo(c.date());
            assertThat(wallClock).contains(teeTime.time());
            assertThat(zone.isValidOffset(local, teeTime.offset())).as("not in a gap: %s", teeTime).isTrue();
            assertThat(LocalDateTime.ofInstant(teeTime.instant(), c.rules().zone())).isEqualTo(local);
            assertThat(zone.getOffset(teeTime.instant())).isEqualTo(teeTime.offset());
        }
    }

    @Property(tries = 2000)
    void count_is_the_wall_clock_grid_minus_gap_times_plus_overlap_times(@ForAll("cases") Case c) {
        ZoneRules zone = c.rules().zone().getRules();
        int expected = 0;
        for (LocalTime time : wallClockGrid(c)) {
            expected += zone.getValidOffsets(LocalDateTime.of(c.date(), time)).size(); // gap 0, overlap 2
        }

        assertThat(TeeTimeGrid.on(c.rules(), c.date())).hasSize(expected);
    }

    @Property(tries = 1000)
    void finding_a_tee_time_by_instant_agrees_with_the_laid_out_grid(@ForAll("cases") Case c,
                                                                    @ForAll @net.jqwik.api.constraints.IntRange(min = -1440, max = 2880) int minutes) {
        List<TeeTime> grid = TeeTimeGrid.on(c.rules(), c.date());
        for (TeeTime teeTime : grid) {
            assertThat(TeeTimeGrid.at(c.rules(), teeTime.instant())).contains(teeTime);
        }
        Instant probe = c.date().atStartOfDay(c.rules().zone()).toInstant().plusSeconds(minutes * 60L);
        java.util.Optional<TeeTime> found = TeeTimeGrid.at(c.rules(), probe);
        LocalDate probeDate = LocalDate.ofInstant(probe, c.rules().zone());
        assertThat(found.isPresent()).as("%s", probe)
                .isEqualTo(TeeTimeGrid.on(c.rules(), probeDate).stream().anyMatch(t -> t.instant().equals(probe)));
    }

    @Provide
    Arbitrary<Case> cases() {
        // The JDK's tz zones only: ical4j (on the test class path for the email tests) registers a
        // ZoneRulesProvider of its own whose "ical4j~..." ids have no usable rules.
        List<String> zones = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds().stream()
                .filter(id -> !id.contains("~")).toList()));
        Arbitrary<ZoneId> zone = Arbitraries.of(zones).map(ZoneId::of);
        Arbitrary<Integer> interval = Arbitraries.oneOf(Arbitraries.integers().between(1, 240),
                Arbitraries.of(7, 8, 9, 10, 12, 15, 30));
        Arbitrary<List<TimeRange>> ranges = Arbitraries.integers().between(0, 1439).list().ofMinSize(2).ofMaxSize(6)
                .map(TeeTimeGridPropertyTest::disjointRanges);
        return Combinators.combine(zone, interval, ranges, Arbitraries.integers().between(1970, 2060),
                        Arbitraries.integers().between(0, 365), Arbitraries.integers().between(-1, 1), Arbitraries.of(true, false))
                .as((z, i, r, year, dayOfYear, shift, nearTransition) -> {
                    LocalDate date = nearTransition ? transitionDate(z, year).orElse(dayOf(year, dayOfYear)).plusDays(shift)
                            : dayOf(year, dayOfYear);
                    return new Case(everyDay(z, i, r), date);
                });
    }

    private static java.util.Optional<LocalDate> transitionDate(ZoneId zone, int year) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        if (next == null || next.getInstant().isAfter(Instant.parse((year + 1) + "-01-01T00:00:00Z"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(next.getDateTimeBefore().toLocalDate());
    }

    private static LocalDate dayOf(int year, int dayOfYear) {
        return LocalDate.ofYearDay(year, 1 + dayOfYear % LocalDate.of(year, 1, 1).lengthOfYear());
    }

    /** Pairs of sorted distinct minutes of the day as ranges: disjoint by construction. */
    private static List<TimeRange> disjointRanges(List<Integer> minutes) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(minutes));
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i += 2) {
            ranges.add(new TimeRange(LocalTime.ofSecondOfDay(sorted.get(i) * 60L),
                    LocalTime.ofSecondOfDay(sorted.get(i + 1) * 60L)));
        }
        return ranges;
    }

    private static CourseRules everyDay(ZoneId zone, int interval, List<TimeRange> ranges) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, ranges);
        }
        return new CourseRules(zone, interval, 4, 14, 0, 0, java.util.Currency.getInstance("USD"), week, Map.of(), List.of());
    }

    /** The wall-clock times of the grid, worked out independently of the code under test. */
    private static List<LocalTime> wallClockGrid(Case c) {
        List<LocalTime> times = new ArrayList<>();
        int interval = c.rules().teeTimeIntervalMinutes();
        for (TimeRange range : c.rules().hoursOn(c.date())) {
            LocalTime time = range.firstTeeTime();
            while (!time.isAfter(range.lastTeeTime())) {
                times.add(time);
                LocalTime next = time.plusMinutes(interval);
                if (next.isBefore(time)) {
                    break; // wrapped past midnight
                }
                time = next;
            }
        }
        return times;
    }
}
