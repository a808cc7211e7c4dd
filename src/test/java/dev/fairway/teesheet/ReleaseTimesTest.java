package dev.fairway.teesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The release instant of a local date, DST gaps and overlaps included. */
class ReleaseTimesTest {

    static BookingClass releasing(int windowDays, String time) {
        return new BookingClass("member", windowDays, LocalTime.parse(time), OptionalInt.empty(), OptionalInt.empty());
    }

    static Instant release(String zone, String teeDate, int windowDays, String time) {
        return ReleaseTimes.of(LocalDate.parse(teeDate), releasing(windowDays, time), ZoneId.of(zone));
    }

    @Test
    void new_york_a_release_time_in_the_spring_gap_releases_when_the_gap_ends() {
        // 2027-03-14: 02:00 EST jumps to 03:00 EDT. 02:30 never happens: the release is at 03:00 EDT.
        assertThat(release("America/New_York", "2027-03-21", 7, "02:30")).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
        assertThat(release("America/New_York", "2027-03-21", 7, "03:00")).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
        assertThat(release("America/New_York", "2027-03-21", 7, "01:59")).isEqualTo(Instant.parse("2027-03-14T06:59:00Z"));
    }

    @Test
    void london_a_release_time_in_the_autumn_overlap_releases_at_the_earlier_instant() {
        // 2027-10-31: 02:00 BST falls back to 01:00 GMT; 01:30 happens twice, first at +01:00.
        assertThat(release("Europe/London", "2027-11-02", 2, "01:30")).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(release("Europe/London", "2027-11-02", 2, "02:00")).isEqualTo(Instant.parse("2027-10-31T02:00:00Z"));
    }

    @Test
    void lord_howe_half_hour_shifts_and_santiago_midnight_gap() {
        // Lord Howe moves by 30 minutes: 2027-10-03 02:00 +10:30 becomes 02:30 +11:00.
        assertThat(release("Australia/Lord_Howe", "2027-10-10", 7, "02:10")).isEqualTo(Instant.parse("2027-10-02T15:30:00Z"));
        // 2027-04-04 02:00 +11:00 falls back to 01:30 +10:30: 01:45 happens twice, first at +11:00.
        assertThat(release("Australia/Lord_Howe", "2027-04-05", 1, "01:45")).isEqualTo(Instant.parse("2027-04-03T14:45:00Z"));
        // Santiago's spring gap is at midnight (2027-09-05 00:00 -04:00 becomes 01:00 -03:00): a 00:00 release opens at 01:00.
        assertThat(release("America/Santiago", "2027-09-10", 5, "00:00")).isEqualTo(Instant.parse("2027-09-05T04:00:00Z"));
    }

    @Test
    void at_midnight_the_public_rule_is_part_ones_window() {
        CourseRules rules = Courses.everyDay("America/New_York", 10, Courses.range("07:00", "17:00"));
        TeeSheet sheet = new TeeSheet(rules, Instant.parse("2026-12-01T14:00:00Z"));
        List<TeeTime> lastDay = TeeTimeGrid.on(rules, LocalDate.parse("2026-12-15"));
        List<TeeTime> dayAfter = TeeTimeGrid.on(rules, LocalDate.parse("2026-12-16"));
        assertThat(lastDay).allMatch(sheet::released);
        assertThat(dayAfter).noneMatch(sheet::released);
    }

    /**
     * Against an oracle that knows nothing of transitions: the release is the first instant, minute
     * by minute, whose wall clock has reached the release time. That is the gap rule (a gap's end is
     * the first wall clock past it) and the overlap rule (the earlier instant comes first).
     */
    @Property(tries = 300)
    void the_release_is_the_first_instant_whose_wall_clock_reaches_the_release_time(
            @ForAll("zones") String zoneId, @ForAll("dates") LocalDate date, @ForAll("times") LocalTime time,
            @ForAll("windows") int window) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDateTime wallClock = date.atTime(time); // the release date; the tee times' date is window days on
        Instant scan = wallClock.toInstant(ZoneOffset.UTC).minusSeconds(26 * 3600);
        while (LocalDateTime.ofInstant(scan, zone).isBefore(wallClock)) {
            scan = scan.plusSeconds(60);
        }

        assertThat(ReleaseTimes.of(date.plusDays(window), releasing(window, time.toString()), zone)).isEqualTo(scan);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago",
                "Asia/Tehran", "Pacific/Chatham", "Europe/Berlin", "America/Havana", "Asia/Kolkata", "UTC");
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        // Transition days are rare among random dates: a third of the tries land within a day of one.
        Arbitrary<LocalDate> any = Arbitraries.longs().between(0, 365L * 30).map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        Arbitrary<LocalDate> nearTransitions = Arbitraries.of(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 3, 28),
                LocalDate.of(2027, 10, 31), LocalDate.of(2027, 11, 7), LocalDate.of(2027, 10, 3), LocalDate.of(2027, 4, 4),
                LocalDate.of(2027, 9, 5), LocalDate.of(2027, 3, 21), LocalDate.of(2026, 9, 27), LocalDate.of(2027, 4, 3));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, any),
                net.jqwik.api.Tuple.of(1, nearTransitions));
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.integers().between(0, 3);
    }
}
