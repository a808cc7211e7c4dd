package dev.fairway.teesheet;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Course rules for tests, built with only what a test cares about. */
final class Courses {

    private Courses() {
    }

    static TimeRange range(String first, String last) {
        return new TimeRange(LocalTime.parse(first), LocalTime.parse(last));
    }

    /** Every day open on {@code ranges}, at {@code interval} minutes, in {@code zone}. */
    static CourseRules everyDay(String zone, int interval, TimeRange... ranges) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(ranges));
        }
        return rules(zone, interval, week, Map.of(), List.of());
    }

    static CourseRules rules(String zone, int interval, Map<DayOfWeek, List<TimeRange>> week,
                             Map<LocalDate, DateOverride> overrides, List<Rate> rates) {
        return new CourseRules(ZoneId.of(zone), interval, 4, 14, 0, 0, Currency.getInstance("USD"),
                week, overrides, rates);
    }

    static DateOverride override(String date, OptionalInt interval, TimeRange... hours) {
        return new DateOverride(LocalDate.parse(date), List.of(hours), interval);
    }

    static Rate rate(String name, Set<DayOfWeek> days, String from, String until, String price) {
        return new Rate(name, days, LocalTime.parse(from), LocalTime.parse(until), new BigDecimal(price));
    }
}
