package dev.fairway.availability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.BookedCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last booked counts and blocks read from the database, per course-day, bounded in size:
 * what availability answers from, marked stale, when the database cannot be reached.
 */
public final class BookedCountsCache {

    /** About 270 course-years of days; a day is a few hundred bytes. */
    static final int MAXIMUM_DAYS = 100_000;
    /** Stale data older than this is no longer worth showing. */
    static final Duration KEEP = Duration.ofHours(24);

    private final Cache<CourseDay, DayCounts> days = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_DAYS)
            .expireAfterWrite(KEEP)
            .build();

    /** Files what one read returned under each of its local dates. */
    void put(String courseId, ZoneId zone, LocalDate from, LocalDate to, BookedAndBlocked read) {
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            List<Long> seconds = new ArrayList<>();
            List<Integer> players = new ArrayList<>();
            read.booked().forEachBetween(start.getEpochSecond(), end.getEpochSecond(), (second, booked) -> {
                seconds.add(second);
                players.add(booked);
            });
            List<Block> blocks = read.blocks().stream()
                    .filter(b -> b.start().isBefore(end) && b.end().isAfter(start)).toList();
            days.put(new CourseDay(courseId, date), new DayCounts(
                    seconds.stream().mapToLong(Long::longValue).toArray(),
                    players.stream().mapToInt(Integer::intValue).toArray(), blocks, read.asOf()));
        }
    }

    /** The days {@code from..to} as one read, if every one of them is cached; its asOf is the oldest day's. */
    Optional<BookedAndBlocked> get(String courseId, LocalDate from, LocalDate to) {
        long[] seconds = new long[0];
        int[] booked = new int[0];
        Map<String, Block> blocks = new LinkedHashMap<>();
        Instant asOf = null;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            DayCounts day = days.getIfPresent(new CourseDay(courseId, date));
            if (day == null) {
                return Optional.empty();
            }
            seconds = concat(seconds, day.epochSeconds());
            booked = concat(booked, day.booked());
            day.blocks().forEach(block -> blocks.putIfAbsent(block.id(), block));
            asOf = asOf == null || day.asOf().isBefore(asOf) ? day.asOf() : asOf;
        }
        return Optional.of(new BookedAndBlocked(BookedCounts.ofSorted(seconds, booked), List.copyOf(blocks.values()), asOf));
    }

    void invalidate(CourseDay day) {
        days.invalidate(day);
    }

    void invalidateCourse(String courseId) {
        days.asMap().keySet().removeIf(day -> day.courseId().equals(courseId));
    }

    void invalidateAll() {
        days.invalidateAll();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
