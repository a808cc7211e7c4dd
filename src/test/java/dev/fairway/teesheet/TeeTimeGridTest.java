package dev.fairway.teesheet;

import static dev.fairway.teesheet.Courses.everyDay;
import static dev.fairway.teesheet.Courses.override;
import static dev.fairway.teesheet.Courses.range;
import static dev.fairway.teesheet.Courses.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TeeTimeGridTest {

    static Stream<Arguments> daysAroundTheClockChanges() {
        return Stream.of(
                // New York springs forward at 02:00 -> 03:00: 02:00 and 02:30 do not exist.
                Arguments.of("America/New_York", "2027-03-14", 30, "01:00", "03:30", List.of(
                        "2027-03-14T01:00-05:00", "2027-03-14T01:30-05:00",
                        "2027-03-14T03:00-04:00", "2027-03-14T03:30-04:00")),
                // New York falls back at 02:00 -> 01:00: 01:00 and 01:30 happen twice, EDT first.
                Arguments.of("America/New_York", "2027-11-07", 30, "00:30", "02:00", List.of(
                        "2027-11-07T00:30-04:00", "2027-11-07T01:00-04:00", "2027-11-07T01:30-04:00",
                        "2027-11-07T01:00-05:00", "2027-11-07T01:30-05:00", "2027-11-07T02:00-05:00")),
                // An ordinary New York day.
                Arguments.of("America/New_York", "2027-06-01", 10, "07:00", "07:30", List.of(
                        "2027-06-01T07:00-04:00", "2027-06-01T07:10-04:00", "2027-06-01T07:20-04:00",
                        "2027-06-01T07:30-04:00")),
                // London: 01:00 GMT -> 02:00 BST, and back at 02:00 BST -> 01:00 GMT.
                Arguments.of("Europe/London", "2027-03-28", 20, "00:40", "02:20", List.of(
                        "2027-03-28T00:40Z", "2027-03-28T02:00+01:00", "2027-03-28T02:20+01:00")),
                Arguments.of("Europe/London", "2027-10-31", 20, "00:40", "02:00", List.of(
                        "2027-10-31T00:40+01:00", "2027-10-31T01:00+01:00", "2027-10-31T01:20+01:00",
                        "2027-10-31T01:40+01:00", "2027-10-31T01:00Z", "2027-10-31T01:20Z", "2027-10-31T01:40Z",
                        "2027-10-31T02:00Z")),
                // Lord Howe moves its clock by 30 minutes: back at 02:00 (+11:00) to 01:30 (+10:30)...
                Arguments.of("Australia/Lord_Howe", "2027-04-04", 15, "01:15", "02:15", List.of(
                        "2027-04-04T01:15+11:00", "2027-04-04T01:30+11:00", "2027-04-04T01:45+11:00",
                        "2027-04-04T01:30+10:30", "2027-04-04T01:45+10:30", "2027-04-04T02:00+10:30",
                        "2027-04-04T02:15+10:30")),
                // ...and forward at 02:00 (+10:30) to 02:30 (+11:00).
                Arguments.of("Australia/Lord_Howe", "2027-10-03", 15, "01:45", "02:45", List.of(
                        "2027-10-03T01:45+10:30", "2027-10-03T02:30+11:00", "2027-10-03T02:45+11:00")),
                // Kathmandu: +05:45 all year.
                Arguments.of("Asia/Kathmandu", "2027-03-14", 10, "07:00", "07:20", List.of(
                        "2027-03-14T07:00+05:45", "2027-03-14T07:10+05:45", "2027-03-14T07:20+05:45")),
                // Chatham: +12:45 -> +13:45 at 02:45.
                Arguments.of("Pacific/Chatham", "2027-09-26", 30, "02:00", "04:00", List.of(
                        "2027-09-26T02:00+12:45", "2027-09-26T02:30+12:45", "2027-09-26T04:00+13:45")),
                // Chatham: back from 03:45 (+13:45) to 02:45 (+12:45).
                Arguments.of("Pacific/Chatham", "2027-04-04", 30, "02:30", "03:30", List.of(
                        "2027-04-04T02:30+13:45", "2027-04-04T03:00+13:45", "2027-04-04T03:30+13:45",
                        "2027-04-04T03:00+12:45", "2027-04-04T03:30+12:45")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("daysAroundTheClockChanges")
    void lays_out_wall_clock_times_as_exact_instants(String zone, String date, int interval, String first,
                                                    String last, List<String> expected) {
        List<TeeTime> grid = TeeTimeGrid.on(everyDay(zone, interval, range(first, last)), LocalDate.parse(date));

        assertThat(grid).extracting(TeeTime::start).containsExactlyElementsOf(instants(expected));
        assertThat(grid).extracting(TeeTime::instant)
                .containsExactlyElementsOf(instants(expected).stream().map(OffsetDateTime::toInstant).toList());
    }

    @Test
    void a_closed_weekday_and_a_closing_override_have_no_tee_times() {
        CourseRules rules = rules("Europe/London", 10,
                Map.of(DayOfWeek.MONDAY, List.of(range("08:00", "09:00"))),
                Map.of(LocalDate.parse("2026-12-28"), override("2026-12-28", OptionalInt.empty())),
                List.of());

        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-21"))).hasSize(7); // a Monday
        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-22"))).isEmpty(); // Tuesday: closed
        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-28"))).isEmpty(); // Monday, closed by override
    }

    @Test
    void an_override_uses_its_own_hours_and_interval() {
        CourseRules rules = rules("America/New_York", 10,
                Map.of(DayOfWeek.THURSDAY, List.of(range("07:00", "17:00"))),
                Map.of(LocalDate.parse("2026-12-24"), override("2026-12-24", OptionalInt.of(12), range("08:00", "09:00"))),
                List.of());

        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-24"))).extracting(TeeTime::start)
                .containsExactlyElementsOf(instants(List.of("2026-12-24T08:00-05:00", "2026-12-24T08:12-05:00",
                        "2026-12-24T08:24-05:00", "2026-12-24T08:36-05:00", "2026-12-24T08:48-05:00", "2026-12-24T09:00-05:00")));
    }

    @Test
    void an_override_without_an_interval_uses_the_courses() {
        CourseRules rules = rules("UTC", 30, Map.of(),
                Map.of(LocalDate.parse("2026-12-24"), override("2026-12-24", OptionalInt.empty(), range("08:00", "09:00"))),
                List.of());

        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-24"))).extracting(TeeTime::start)
                .containsExactlyElementsOf(instants(List.of("2026-12-24T08:00Z", "2026-12-24T08:30Z", "2026-12-24T09:00Z")));
    }

    @Test
    void two_ranges_in_one_day_each_start_their_own_count_and_come_in_order() {
        CourseRules rules = rules("Asia/Kathmandu", 25,
                Map.of(DayOfWeek.SATURDAY, List.of(range("12:00", "12:30"), range("06:30", "07:00"))),
                Map.of(), List.of());

        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-05"))).extracting(TeeTime::start)
                .containsExactlyElementsOf(instants(List.of("2026-12-05T06:30+05:45", "2026-12-05T06:55+05:45",
                        "2026-12-05T12:00+05:45", "2026-12-05T12:25+05:45")));
    }

    @Test
    void the_last_tee_time_is_included_only_when_it_falls_on_the_interval() {
        CourseRules rules = everyDay("UTC", 8, range("07:00", "07:20"));

        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-01"))).extracting(TeeTime::time)
                .extracting(Object::toString).containsExactly("07:00", "07:08", "07:16");
    }

    @Test
    void a_range_ending_at_23_59_does_not_run_past_midnight() {
        CourseRules rules = everyDay("UTC", 240, range("20:00", "23:59"));

        assertThat(TeeTimeGrid.on(rules, LocalDate.parse("2026-12-01"))).extracting(TeeTime::time)
                .extracting(Object::toString).containsExactly("20:00");
    }

    @Test
    void finds_the_tee_time_at_an_instant_whatever_offset_the_instant_is_written_in() {
        CourseRules rules = everyDay("America/New_York", 30, range("00:30", "02:00"));

        assertThat(TeeTimeGrid.at(rules, OffsetDateTime.parse("2027-11-07T06:00Z").toInstant()))
                .map(TeeTime::start).contains(OffsetDateTime.parse("2027-11-07T01:00-05:00"));
        assertThat(TeeTimeGrid.at(rules, OffsetDateTime.parse("2027-11-07T01:00-04:00").toInstant()))
                .map(TeeTime::start).contains(OffsetDateTime.parse("2027-11-07T01:00-04:00"));
        assertThat(TeeTimeGrid.at(rules, OffsetDateTime.parse("2027-11-07T01:10-04:00").toInstant())).isEmpty();
        assertThat(TeeTimeGrid.at(rules, OffsetDateTime.parse("2027-11-07T01:00:30-04:00").toInstant())).isEmpty();
    }

    private static List<OffsetDateTime> instants(List<String> texts) {
        return texts.stream().map(OffsetDateTime::parse).toList();
    }
}
