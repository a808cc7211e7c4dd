package dev.fairway.availability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.BookedCounts;
import dev.fairway.teesheet.TeeSheetChanges;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The booked counts and blocks last read from the database, per course-day, bounded in size.
 * Availability answers from it while it is fresh, and, marked stale, when the database cannot
 * be reached. Every change heard of (from this instance, or another one through NOTIFY)
 * supersedes the days it touches at once: they are no longer fresh, but are kept as the last
 * thing known for a stale answer during an outage.
 *
 * <p>A read that started before a change must not file what it read as fresh: each course has a
 * generation, bumped by every change, and a read files its result as fresh only if its course's
 * generation is still the one it started with.
 */
public final class BookedCountsCache implements TeeSheetChanges {

    /** About 270 course-years of days; a day is a few hundred bytes. */
    static final int MAXIMUM_DAYS = 100_000;
    /** Stale data older than this is no longer worth showing. */
    static final Duration KEEP = Duration.ofHours(24);

    private final Cache<CourseDay, DayCounts> days = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_DAYS)
            .expireAfterWrite(KEEP)
            .build();
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong flushes = new AtomicLong();

    /** The course's generation now: pass it to {@link #put} with what a read returns. */
    long generation(String courseId) {
        return generations.computeIfAbsent(courseId, id -> new AtomicLong()).get() + flushes.get() * (1L << 40);
    }

    /** Files what one read returned under each of its local dates; superseded if a change was heard since the read began. */
    void put(String courseId, ZoneId zone, LocalDate from, LocalDate to, BookedAndBlocked read, long generation) {
        zones.put(courseId, zone);
        boolean superseded = generation != generation(courseId);
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            List<Long> seconds = new ArrayList<>();
            List<Integer> players = new ArrayList<>();
            List<Integer> holding = new ArrayList<>();
            read.booked().forEachBetween(start.getEpochSecond(), end.getEpochSecond(), (second, booked, held) -> {
                seconds.add(second);
                players.add(booked);
                holding.add(held);
            });
            List<Block> blocks = read.blocks().stream()
                    .filter(b -> b.start().isBefore(end) && b.end().isAfter(start)).toList();
            int[] held = holding.stream().mapToInt(Integer::intValue).toArray();
            boolean anyHeld = holding.stream().anyMatch(n -> n > 0);
            // A lapse is heard by nobody: a day with live holds is good only until the first of any lapses.
            DayCounts day = new DayCounts(seconds.stream().mapToLong(Long::longValue).toArray(),
                    players.stream().mapToInt(Integer::intValue).toArray(), blocks, read.asOf(), superseded,
                    anyHeld ? held : null, anyHeld ? read.heldUntil() : null);
            days.asMap().merge(new CourseDay(courseId, date), day, DayCounts::later);
        }
    }

    /** The days {@code from..to} as one read, if every one of them is cached, unchanged since, and read after {@code notBefore}. */
    Optional<BookedAndBlocked> fresh(String courseId, LocalDate from, LocalDate to, Instant notBefore, Instant now) {
        return collect(courseId, from, to, day -> !day.superseded() && !day.asOf().isBefore(notBefore)
                && day.holdsCurrentAt(now));
    }

    /** The days {@code from..to} as one read, however old, if every one of them is cached; its asOf is the oldest day's. */
    Optional<BookedAndBlocked> get(String courseId, LocalDate from, LocalDate to) {
        return collect(courseId, from, to, day -> true);
    }

    private Optional<BookedAndBlocked> collect(String courseId, LocalDate from, LocalDate to, Predicate<DayCounts> usable) {
        long[] seconds = new long[0];
        int[] booked = new int[0];
        int[] held = new int[0];
        Instant heldUntil = null;
        Map<String, Block> blocks = new LinkedHashMap<>();
        Instant asOf = null;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            DayCounts day = days.getIfPresent(new CourseDay(courseId, date));
            if (day == null || !usable.test(day)) {
                return Optional.empty();
            }
            seconds = concat(seconds, day.epochSeconds());
            booked = concat(booked, day.booked());
            held = concat(held, day.held() != null ? day.held() : new int[day.booked().length]);
            if (day.heldUntil() != null && (heldUntil == null || day.heldUntil().isBefore(heldUntil))) {
                heldUntil = day.heldUntil();
            }
            day.blocks().forEach(block -> blocks.putIfAbsent(block.id(), block));
            asOf = asOf == null || day.asOf().isBefore(asOf) ? day.asOf() : asOf;
        }
        return Optional.of(new BookedAndBlocked(BookedCounts.ofSorted(seconds, booked, held),
                List.copyOf(blocks.values()), asOf, heldUntil));
    }

    @Override
    public void teeTimeChanged(String courseId, Instant start) {
        bump(courseId);
        ZoneId zone = zones.get(courseId);
        if (zone != null) {
            supersede(new CourseDay(courseId, LocalDate.ofInstant(start, zone)));
        }
    }

    @Override
    public void blockChanged(String courseId, Instant start, Instant end) {
        bump(courseId);
        ZoneId zone = zones.get(courseId);
        if (zone != null) {
            LocalDate last = LocalDate.ofInstant(end, zone);
            for (LocalDate date = LocalDate.ofInstant(start, zone); !date.isAfter(last); date = date.plusDays(1)) {
                supersede(new CourseDay(courseId, date));
            }
        }
    }

    @Override
    public void courseChanged(String courseId) {
        bump(courseId);
        days.asMap().keySet().stream().filter(day -> day.courseId().equals(courseId)).forEach(this::supersede);
    }

    @Override
    public void everythingMayHaveChanged() {
        flushes.incrementAndGet();
        days.asMap().replaceAll((day, counts) -> counts.supersede());
    }

    /** How many times every cached day was superseded at once (at start of listening, and when it was lost). */
    public long flushes() {
        return flushes.get();
    }

    private void supersede(CourseDay day) {
        days.asMap().computeIfPresent(day, (key, counts) -> counts.supersede());
    }

    private void bump(String courseId) {
        generations.computeIfAbsent(courseId, id -> new AtomicLong()).incrementAndGet();
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
