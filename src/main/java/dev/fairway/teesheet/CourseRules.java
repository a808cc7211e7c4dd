package dev.fairway.teesheet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything that decides a course's tee sheet. Validated where it is built from a request; here
 * only what would make the grid wrong is checked again.
 *
 * @param zone                      the course's time zone: every wall-clock time is in it
 * @param teeTimeIntervalMinutes    minutes between tee times
 * @param maxPlayersPerTeeTime      players one tee time holds
 * @param bookingWindowDays         how many days ahead of today a tee time can be booked
 * @param minNoticeMinutes          how long before its start a tee time can still be booked
 * @param cancellationCutoffMinutes how long before its start a booking can still be cancelled
 * @param currency                  the currency of every price
 * @param weeklyHours               ranges per weekday; a missing weekday is closed
 * @param dateOverrides             dates whose hours (and interval) replace the weekday's
 * @param rates                     price rules, the first that applies wins
 * @param reminderHoursBefore       how long before a tee time its golfers get a reminder; 0 for none
 * @param roundMinutes              how long a round takes: the end of a tee time's calendar event
 * @param policy                    sign-in, booking classes and least players ({@link BookingPolicy#NONE} for none)
 * @param layout                    tees, round lengths and the turn ({@link Layout#DEFAULT}: one tee, 18 holes)
 */
public record CourseRules(
        ZoneId zone,
        int teeTimeIntervalMinutes,
        int maxPlayersPerTeeTime,
        int bookingWindowDays,
        int minNoticeMinutes,
        int cancellationCutoffMinutes,
        Currency currency,
        Map<DayOfWeek, List<TimeRange>> weeklyHours,
        Map<LocalDate, DateOverride> dateOverrides,
        List<Rate> rates,
        int reminderHoursBefore,
        int roundMinutes,
        BookingPolicy policy,
        Layout layout) {

    /** A reminder a day ahead, unless the course says otherwise. */
    public static final int REMINDER_HOURS_BEFORE = 24;
    /** Four hours: eighteen holes at an ordinary pace. */
    public static final int ROUND_MINUTES = 240;

    /** Rules with the default reminder and round length. */
    public CourseRules(ZoneId zone, int teeTimeIntervalMinutes, int maxPlayersPerTeeTime, int bookingWindowDays,
                       int minNoticeMinutes, int cancellationCutoffMinutes, Currency currency,
                       Map<DayOfWeek, List<TimeRange>> weeklyHours, Map<LocalDate, DateOverride> dateOverrides,
                       List<Rate> rates) {
        this(zone, teeTimeIntervalMinutes, maxPlayersPerTeeTime, bookingWindowDays, minNoticeMinutes,
                cancellationCutoffMinutes, currency, weeklyHours, dateOverrides, rates, REMINDER_HOURS_BEFORE,
                ROUND_MINUTES, BookingPolicy.NONE, Layout.DEFAULT);
    }

    /** Rules without Part 2's booking policy. */
    public CourseRules(ZoneId zone, int teeTimeIntervalMinutes, int maxPlayersPerTeeTime, int bookingWindowDays,
                       int minNoticeMinutes, int cancellationCutoffMinutes, Currency currency,
                       Map<DayOfWeek, List<TimeRange>> weeklyHours, Map<LocalDate, DateOverride> dateOverrides,
                       List<Rate> rates, int reminderHoursBefore, int roundMinutes) {
        this(zone, teeTimeIntervalMinutes, maxPlayersPerTeeTime, bookingWindowDays, minNoticeMinutes,
                cancellationCutoffMinutes, currency, weeklyHours, dateOverrides, rates, reminderHoursBefore,
                roundMinutes, BookingPolicy.NONE, Layout.DEFAULT);
    }

    /** Rules without Part 3's tees and rounds. */
    public CourseRules(ZoneId zone, int teeTimeIntervalMinutes, int maxPlayersPerTeeTime, int bookingWindowDays,
                       int minNoticeMinutes, int cancellationCutoffMinutes, Currency currency,
                       Map<DayOfWeek, List<TimeRange>> weeklyHours, Map<LocalDate, DateOverride> dateOverrides,
                       List<Rate> rates, int reminderHoursBefore, int roundMinutes, BookingPolicy policy) {
        this(zone, teeTimeIntervalMinutes, maxPlayersPerTeeTime, bookingWindowDays, minNoticeMinutes,
                cancellationCutoffMinutes, currency, weeklyHours, dateOverrides, rates, reminderHoursBefore,
                roundMinutes, policy, Layout.DEFAULT);
    }

    public CourseRules {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        if (teeTimeIntervalMinutes < 1) {
            throw new IllegalArgumentException("teeTimeIntervalMinutes must be positive");
        }
        if (maxPlayersPerTeeTime < 1) {
            throw new IllegalArgumentException("maxPlayersPerTeeTime must be positive");
        }
        EnumMap<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        weeklyHours.forEach((day, ranges) -> week.put(day, List.copyOf(ranges)));
        weeklyHours = java.util.Collections.unmodifiableMap(week);
        dateOverrides = java.util.Collections.unmodifiableMap(new TreeMap<>(dateOverrides));
        rates = List.copyOf(rates);
        policy = BookingPolicy.orNone(policy);
        layout = Objects.requireNonNullElse(layout, Layout.DEFAULT);
    }

    /** The class of everyone who is not a member: the course's own window at midnight unless listed. */
    public BookingClass publicClass() {
        return policy.bookingClass(BookingClass.PUBLIC, bookingWindowDays).orElseThrow();
    }

    /** The ranges of {@code date}: its override's when it has one, else its weekday's. */
    public List<TimeRange> hoursOn(LocalDate date) {
        DateOverride override = dateOverrides.get(date);
        if (override != null) {
            return override.hours();
        }
        return weeklyHours.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The interval of {@code date}: its override's when it sets one, else the course's. */
    public int intervalOn(LocalDate date) {
        DateOverride override = dateOverrides.get(date);
        return override != null ? override.teeTimeIntervalMinutes().orElse(teeTimeIntervalMinutes) : teeTimeIntervalMinutes;
    }
}
