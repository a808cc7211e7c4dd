package dev.fairway.bench;

import dev.fairway.availability.Availability;
import dev.fairway.availability.AvailabilityJson;
import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.BookingPolicy;
import dev.fairway.teesheet.Layout;
import dev.fairway.teesheet.Tee;
import dev.fairway.teesheet.BookedCounts;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.CourseRules;
import dev.fairway.teesheet.DaySheet;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TeeSheet;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeGrid;
import dev.fairway.teesheet.TimeRange;
import dev.fairway.web.JsonBytes;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The availability hot path without I/O: grid, statuses and rates of an 8-minute course
 * (about 3,100 tee times in 31 days, 2,000 of them booked), and the JSON of that answer.
 * With {@code tees=2} the same course has a 10th tee, rounds from both turning to the other
 * (18 holes: every tee time's turn is looked up and its slot counted): twice the tee times, and
 * 4,000 booked. Compare per tee time: the two-tee figure over twice the one-tee figure.
 * Run with bench/jmh (see bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TeeSheetBenchmark {

    private static final LocalDate FROM = LocalDate.of(2027, 3, 1); // spans New York's spring-forward day
    private static final LocalDate TO = FROM.plusDays(30);

    private CourseRules rules;
    private Course course;
    private TeeSheet sheet;
    private BookedCounts booked;
    private List<Block> blocks;
    private Availability availability;

    @Param({"1", "2"})
    public int tees;

    @Setup
    public void setUp() {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new TimeRange(LocalTime.of(6, 0), LocalTime.of(19, 20))));
        }
        List<Rate> rates = List.of(
                new Rate("Twilight", Set.of(), LocalTime.of(15, 0), LocalTime.of(23, 59), new BigDecimal("35.00")),
                new Rate("Weekend", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIN,
                        LocalTime.of(23, 59), new BigDecimal("79.00")),
                new Rate("Weekday", Set.of(), LocalTime.MIN, LocalTime.of(23, 59), new BigDecimal("59.00")));
        Layout layout = tees == 1 ? Layout.DEFAULT : new Layout(List.of(new Tee("1", Optional.of("10"), Optional.empty()),
                new Tee("10", Optional.of("1"), Optional.empty())), Set.of(9, 18), 120, 10);
        rules = new CourseRules(ZoneId.of("America/New_York"), 8, 4, 60, 30, 120, Currency.getInstance("USD"),
                week, Map.of(), rates, CourseRules.REMINDER_HOURS_BEFORE, CourseRules.ROUND_MINUTES, BookingPolicy.NONE,
                layout);
        course = new Course("bench", "Bench Golf Club", rules);
        List<TeeTime> all = new ArrayList<>();
        for (LocalDate date = FROM; !date.isAfter(TO); date = date.plusDays(1)) {
            all.addAll(TeeTimeGrid.on(rules, date));
        }
        Collections.shuffle(all, new Random(7));
        java.util.TreeMap<Long, Integer> counts = new java.util.TreeMap<>();
        for (int tee = 0; tee < tees; tee++) {
            for (TeeTime teeTime : all.subList(tee * 1000, tee * 1000 + 2000)) {
                counts.put(BookedCounts.key(teeTime.epochSecond(), tee), 1 + (int) (teeTime.epochSecond() % 4));
            }
        }
        booked = BookedCounts.ofSorted(counts.keySet().stream().mapToLong(Long::longValue).toArray(),
                counts.values().stream().mapToInt(Integer::intValue).toArray());
        blocks = List.of(new Block("frost", Instant.parse("2027-03-02T11:00:00Z"), Instant.parse("2027-03-02T14:00:00Z"), "Frost"),
                new Block("event", Instant.parse("2027-03-20T11:00:00Z"), Instant.parse("2027-03-21T23:00:00Z"), "Club championship"));
        Instant now = Instant.parse("2027-03-01T12:00:00Z");
        sheet = new TeeSheet(rules, now);
        List<DaySheet> days = sheet.days(FROM, TO, 2, booked, blocks);
        availability = new Availability(course, FROM, TO, 2, false, now, days, "public");
    }

    @Benchmark
    public List<DaySheet> sheet31Days() {
        return sheet.days(FROM, TO, 2, booked, blocks);
    }

    @Benchmark
    public List<DaySheet> sheet1Day() {
        return sheet.days(FROM, FROM, 2, booked, blocks);
    }

    @Benchmark
    public JsonBytes json31Days() {
        return AvailabilityJson.write(availability);
    }

    @Benchmark
    public JsonBytes sheetAndJson31Days() {
        return AvailabilityJson.write(new Availability(course, FROM, TO, 2, false, sheet.now(),
                sheet.days(FROM, TO, 2, booked, blocks), "public"));
    }
}
