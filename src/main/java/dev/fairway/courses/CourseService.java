package dev.fairway.courses;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.teesheet.Course;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Courses, read through a small cache: availability and bookings look a course up on every
 * request, and a course changes rarely. This instance's own changes take effect at once; another
 * instance's after at most {@link #CACHE_TTL}. When the database cannot be reached, the last
 * version read is used, so stale availability can still be answered.
 */
public final class CourseService {

    public static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final int CACHE_SIZE = 10_000;

    private final Database database;
    private final CourseStore store = new CourseStore();
    private final Cache<String, Optional<Course>> cache;
    private final Cache<String, Course> lastRead;

    public CourseService(Database database) {
        this.database = database;
        this.cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TTL).build();
        this.lastRead = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
    }

    /** Creates or replaces {@code course}; true when it was created. */
    public boolean put(Course course, Deadline deadline) {
        try {
            return database.write("courses.put", deadline, session -> store.upsert(session, course));
        } finally {
            cache.invalidate(course.id());
        }
    }

    public Optional<Course> find(String id, Deadline deadline) {
        try {
            return cache.get(id, key -> read(key, deadline));
        } catch (DatabaseException e) {
            Course known = lastRead.getIfPresent(id);
            if (known == null || !e.unavailable()) {
                throw e;
            }
            return Optional.of(known);
        }
    }

    private Optional<Course> read(String id, Deadline deadline) {
        Optional<Course> course = database.read("courses.find", deadline, session -> store.find(session, id));
        course.ifPresentOrElse(c -> lastRead.put(id, c), () -> lastRead.invalidate(id));
        return course;
    }

    public List<CourseSummary> list(Deadline deadline) {
        return database.read("courses.list", deadline, store::list);
    }

    /** Forgets a course, so the next request reads it again (another instance changed it). */
    public void forget(String id) {
        cache.invalidate(id);
    }

    public void forgetAll() {
        cache.invalidateAll();
    }
}
