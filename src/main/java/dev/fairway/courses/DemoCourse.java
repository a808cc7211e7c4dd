package dev.fairway.courses;

import dev.fairway.db.Deadline;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.CourseRules;
import dev.fairway.teesheet.DateOverride;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TimeRange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic 18-hole public course, created on the embedded database's first run so the first
 * page shows a real tee sheet: 10-minute intervals on weekdays, 8 at weekends, a twilight rate,
 * and the next Christmas closed.
 */
public final class DemoCourse {

    public static final String ID = "pine-hollow";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Logger log = LoggerFactory.getLogger(DemoCourse.class);

    private DemoCourse() {
    }

    /** Creates the demo course unless some course exists. */
    public static void createIfNoCourses(CourseService courses, Clock clock) {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10));
        if (!courses.list(deadline).isEmpty()) {
            return;
        }
        courses.put(course(LocalDate.now(clock.withZone(ZONE))), deadline);
        log.info("Created the demo course '{}': GET /api/courses/{}/availability", ID, ID);
    }

    static Course course(LocalDate today) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            week.put(day, List.of(weekend ? range("06:30", "16:30") : range("07:00", "17:00")));
        }
        LocalDate christmas = next(today, MonthDay.of(12, 25));
        Map<LocalDate, DateOverride> overrides = new TreeMap<>();
        overrides.put(christmas, new DateOverride(christmas, List.of(), OptionalInt.empty()));
        LocalDate christmasEve = christmas.minusDays(1);
        overrides.put(christmasEve, new DateOverride(christmasEve, List.of(range("08:00", "12:00")), OptionalInt.of(12)));
        List<Rate> rates = List.of(
                new Rate("Twilight", Set.of(), LocalTime.of(15, 0), LocalTime.of(23, 59), new BigDecimal("35.00")),
                new Rate("Weekend", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(0, 0),
                        LocalTime.of(23, 59), new BigDecimal("79.00")),
                new Rate("Weekday", Set.of(), LocalTime.of(0, 0), LocalTime.of(23, 59), new BigDecimal("59.00")));
        // Weekends run every 8 minutes: the course's interval is 10, so weekend days are overrides
        // of their own, for the whole booking window and a little beyond.
        for (LocalDate date = today; date.isBefore(today.plusDays(60)); date = date.plusDays(1)) {
            DayOfWeek day = date.getDayOfWeek();
            if ((day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) && !overrides.containsKey(date)) {
                overrides.put(date, new DateOverride(date, week.get(day), OptionalInt.of(8)));
            }
        }
        CourseRules rules = new CourseRules(ZONE, 10, 4, 14, 30, 120, Currency.getInstance("USD"), week,
                overrides, rates);
        return new Course(ID, "Pine Hollow Golf Club", rules);
    }

    private static LocalDate next(LocalDate today, MonthDay day) {
        LocalDate thisYear = day.atYear(today.getYear());
        return thisYear.isBefore(today) ? day.atYear(today.getYear() + 1) : thisYear;
    }

    private static TimeRange range(String first, String last) {
        return new TimeRange(LocalTime.parse(first), LocalTime.parse(last));
    }
}
