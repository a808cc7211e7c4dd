package dev.fairway.teesheet;

import static dev.fairway.teesheet.Courses.range;
import static dev.fairway.teesheet.Courses.rate;
import static dev.fairway.teesheet.Courses.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeeSheetTest {

    private static final LocalDate SATURDAY = LocalDate.parse("2026-12-05");
    private static final LocalDate FRIDAY = LocalDate.parse("2026-12-04");

    private final CourseRules course = rules("America/New_York", 30,
            Map.of(DayOfWeek.SATURDAY, List.of(range("07:00", "16:00")),
                    DayOfWeek.FRIDAY, List.of(range("07:00", "16:00"))),
            Map.of(),
            List.of(rate("Twilight", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "14:00", "23:59", "35.00"),
                    rate("Early bird", Set.of(), "07:00", "08:00", "40.00"),
                    rate("Standard", Set.of(), "00:00", "23:59", "60.00")));

    private final Instant longBefore = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void counts_booked_and_available_spots_and_calls_a_tee_time_full_for_a_party_that_does_not_fit() {
        Instant nine = at("2026-12-05T09:00-05:00");
        Instant nineThirty = at("2026-12-05T09:30-05:00");
        BookedCounts booked = BookedCounts.of(Map.of(nine, 3, nineThirty, 4));

        DaySheet day = sheet(longBefore).days(SATURDAY, SATURDAY, 2, booked, List.of()).getFirst();

        assertThat(slot(day, "09:00")).satisfies(s -> {
            assertThat(s.booked()).isEqualTo(3);
            assertThat(s.available()).isEqualTo(1);
            assertThat(s.status()).isEqualTo(TeeTimeStatus.FULL);
        });
        assertThat(slot(day, "09:30").available()).isZero();
        assertThat(slot(day, "10:00")).satisfies(s -> {
            assertThat(s.booked()).isZero();
            assertThat(s.available()).isEqualTo(4);
            assertThat(s.status()).isEqualTo(TeeTimeStatus.OPEN);
        });
        DaySheet forOne = sheet(longBefore).days(SATURDAY, SATURDAY, 1, booked, List.of()).getFirst();
        assertThat(slot(forOne, "09:00").status()).isEqualTo(TeeTimeStatus.OPEN);
    }

    @Test
    void a_block_covers_its_start_but_not_its_end() {
        Block frost = new Block("b1", at("2026-12-05T07:00-05:00"), at("2026-12-05T09:00-05:00"), "Frost delay");

        DaySheet day = sheet(longBefore).days(SATURDAY, SATURDAY, 1, BookedCounts.NONE, List.of(frost)).getFirst();

        assertThat(slot(day, "07:00").status()).isEqualTo(TeeTimeStatus.BLOCKED);
        assertThat(slot(day, "08:30").status()).isEqualTo(TeeTimeStatus.BLOCKED);
        assertThat(slot(day, "09:00").status()).isEqualTo(TeeTimeStatus.OPEN);
    }

    @Test
    void blocked_wins_over_unavailable_which_wins_over_full() {
        Instant now = at("2026-12-05T10:00-05:00");
        Block block = new Block("b1", at("2026-12-05T09:00-05:00"), at("2026-12-05T09:31-05:00"), null);
        BookedCounts everythingFull = BookedCounts.of(Map.of(
                at("2026-12-05T09:00-05:00"), 4, at("2026-12-05T09:30-05:00"), 4,
                at("2026-12-05T10:00-05:00"), 4, at("2026-12-05T10:30-05:00"), 4));

        DaySheet day = sheet(now).days(SATURDAY, SATURDAY, 1, everythingFull, List.of(block)).getFirst();

        assertThat(slot(day, "09:00").status()).isEqualTo(TeeTimeStatus.BLOCKED);
        assertThat(slot(day, "09:30").status()).isEqualTo(TeeTimeStatus.BLOCKED);
        assertThat(slot(day, "08:30").status()).isEqualTo(TeeTimeStatus.UNAVAILABLE); // started already
        assertThat(slot(day, "10:00").status()).as("starts now: not before now").isEqualTo(TeeTimeStatus.FULL);
        assertThat(slot(day, "10:30").status()).isEqualTo(TeeTimeStatus.FULL);
    }

    @Test
    void a_tee_time_is_unavailable_before_now_plus_the_notice_and_beyond_the_window() {
        CourseRules strict = new CourseRules(ZoneId.of("America/New_York"), 30, 4, 1, 45, 0,
                Currency.getInstance("USD"), course.weeklyHours(), Map.of(), List.of());
        Instant now = at("2026-12-04T10:00-05:00"); // Friday

        List<DaySheet> days = new TeeSheet(strict, now).days(FRIDAY, SATURDAY.plusDays(1), 1, BookedCounts.NONE, List.of());

        assertThat(slot(days.get(0), "10:30").status()).isEqualTo(TeeTimeStatus.UNAVAILABLE); // 30 < 45 min
        assertThat(slot(days.get(0), "11:00").status()).isEqualTo(TeeTimeStatus.OPEN); // 60 min ahead
        assertThat(slot(days.get(1), "07:00").status()).as("today + 1 day is in the window").isEqualTo(TeeTimeStatus.OPEN);
        assertThat(days.get(2).teeTimes()).as("Sunday: closed").isEmpty();
    }

    @Test
    void the_booking_window_counts_local_dates_in_the_courses_zone() {
        CourseRules oneDay = new CourseRules(ZoneId.of("America/New_York"), 30, 4, 1, 0, 0,
                Currency.getInstance("USD"), course.weeklyHours(), Map.of(), List.of());
        // 23:30 on Thursday in New York is already Friday in UTC.
        Instant now = at("2026-12-03T23:30-05:00");

        List<DaySheet> days = new TeeSheet(oneDay, now).days(FRIDAY, SATURDAY, 1, BookedCounts.NONE, List.of());

        assertThat(slot(days.get(0), "07:00").status()).isEqualTo(TeeTimeStatus.OPEN);
        assertThat(slot(days.get(1), "07:00").status()).as("Saturday is 2 days after Thursday").isEqualTo(TeeTimeStatus.UNAVAILABLE);
    }

    @Test
    void the_first_rate_that_applies_wins_and_a_rate_without_days_applies_every_day() {
        DaySheet saturday = sheet(longBefore).days(SATURDAY, SATURDAY, 1, BookedCounts.NONE, List.of()).getFirst();
        DaySheet friday = sheet(longBefore).days(FRIDAY, FRIDAY, 1, BookedCounts.NONE, List.of()).getFirst();

        assertThat(slot(saturday, "07:30").rate().name()).isEqualTo("Early bird");
        assertThat(slot(saturday, "08:00").rate().name()).as("until is excluded").isEqualTo("Standard");
        assertThat(slot(saturday, "14:00").rate().name()).as("from is included").isEqualTo("Twilight");
        assertThat(slot(friday, "14:00").rate().name()).as("Twilight is weekends only").isEqualTo("Standard");
        assertThat(slot(saturday, "14:00").rate().pricePerPlayer()).isEqualByComparingTo("35.00");
    }

    @Test
    void a_tee_time_no_rate_covers_has_no_rate() {
        CourseRules noLateRate = rules("UTC", 60, Map.of(DayOfWeek.SATURDAY, List.of(range("07:00", "09:00"))),
                Map.of(), List.of(rate("Morning", Set.of(), "07:00", "08:00", "50")));

        DaySheet day = new TeeSheet(noLateRate, longBefore).days(SATURDAY, SATURDAY, 1, BookedCounts.NONE, List.of()).getFirst();

        assertThat(day.teeTimes()).extracting(s -> s.rate() == null ? null : s.rate().name())
                .containsExactly("Morning", null, null);
    }

    @Test
    void every_date_of_the_range_appears_in_order() {
        List<DaySheet> days = sheet(longBefore).days(FRIDAY, FRIDAY.plusDays(31), 1, BookedCounts.NONE, List.of());

        assertThat(days).hasSize(32);
        assertThat(days.getFirst().date()).isEqualTo(FRIDAY);
        assertThat(days.getLast().date()).isEqualTo(FRIDAY.plusDays(31));
    }

    private TeeSheet sheet(Instant now) {
        return new TeeSheet(course, now);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static TeeTimeSlot slot(DaySheet day, String time) {
        return day.teeTimes().stream().filter(s -> s.teeTime().time().toString().equals(time)).findFirst().orElseThrow();
    }
}
