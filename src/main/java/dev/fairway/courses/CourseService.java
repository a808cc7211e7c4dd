package dev.fairway.courses;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.fairway.db.Database;
import dev.fairway.db.DatabaseException;
import dev.fairway.db.resilience.FailureClassifier;
import dev.fairway.db.Deadline;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.TeeSheetChanges;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Executors;

/**
 * Courses, read through a small cache: availability and bookings look a course up on every
 * request, and a course changes rarely. A change heard of (this instance's own, another's through
 * NOTIFY, or "anything may have changed" when listening starts or stops) supersedes the cached
 * course: the next request reads it again. Without notifications another instance's change takes
 * effect within about {@link #CACHE_TTL}: after that, the next request triggers a re-read in the
 * background and is answered from the cache meanwhile. A re-read that fails for want of a
 * database keeps the course it had, so an outage never makes a known course unknown.
 */
public final class CourseService implements TeeSheetChanges {

    public static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final int CACHE_SIZE = 10_000;
    /** A background re-read has no request waiting on it; it gets the usual request time. */
    private static final Duration REFRESH_DEADLINE = Duration.ofSeconds(5);

    private final Database database;
    private final TeeSheetChanges changes;
    private final CourseStore store = new CourseStore();
    private final LoadingCache<String, Known> cache;

    /** What was last read for an id; superseded when a change was heard since. */
    private record Known(Optional<Course> course, boolean superseded) {

        Known supersede() {
            return new Known(course, true);
        }
    }

    /** @param changes told of every change this instance makes to a course */
    public CourseService(Database database, TeeSheetChanges changes) {
        this.database = database;
        this.changes = changes;
        this.cache = Caffeine.newBuilder()
                .maximumSize(CACHE_SIZE)
                .refreshAfterWrite(CACHE_TTL)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build(new CacheLoader<>() {
                    @Override
                    public Known load(String id) {
                        return new Known(read(id, Deadline.after(REFRESH_DEADLINE)), false);
                    }

                    @Override
                    public Known reload(String id, Known known) {
                        try {
                            return load(id);
                        } catch (DatabaseException e) {
                            return known; // the database is away: what we knew is still the best answer
                        }
                    }
                });
    }

    /** Creates or replaces {@code course}; true when it was created. */
    public boolean put(Course course, Deadline deadline) {
        try {
            return database.write("courses.put", deadline, session -> store.upsert(session, course));
        } finally {
            supersede(course.id());
            changes.courseChanged(course.id());
        }
    }

    /**
     * Changes the stored course as {@code change} says, in one transaction with the course's row
     * locked, so that two changes at once are applied one after the other; empty when there is no
     * such course. A change that throws (a 400 naming a field) changes nothing.
     */
    public Optional<Course> change(String id, UnaryOperator<Course> change, Deadline deadline) {
        try {
            return database.write("courses.change", deadline, session -> {
                Optional<Course> current = store.findForUpdate(session, id);
                if (current.isEmpty()) {
                    return Optional.<Course>empty();
                }
                Course changed = change.apply(current.get());
                store.upsert(session, changed);
                return Optional.of(changed);
            });
        } finally {
            supersede(id);
            changes.courseChanged(id);
        }
    }

    public Optional<Course> find(String id, Deadline deadline) {
        // Looked at quietly first: a superseded course is read again right here, and must not
        // also start a background refresh.
        Known known = cache.policy().getIfPresentQuietly(id);
        if (known != null && !known.superseded()) {
            Known current = cache.getIfPresent(id); // may start the background refresh, when due
            if (current != null && !current.superseded()) {
                return current.course();
            }
            known = current;
        }
        try {
            Optional<Course> course = read(id, deadline);
            cache.put(id, new Known(course, false));
            return course;
        } catch (DatabaseException e) {
            if (known == null || !FailureClassifier.unavailable(e)) {
                throw e;
            }
            return known.course(); // the database is away: what we knew is still the best answer
        }
    }

    private Optional<Course> read(String id, Deadline deadline) {
        return database.read("courses.find", deadline, session -> store.find(session, id));
    }

    public List<CourseSummary> list(Deadline deadline) {
        return database.read("courses.list", deadline, store::list);
    }

    /** The course changed: the next request reads it again. */
    @Override
    public void courseChanged(String courseId) {
        supersede(courseId);
    }

    @Override
    public void everythingMayHaveChanged() {
        cache.asMap().replaceAll((id, known) -> known.supersede());
    }

    private void supersede(String courseId) {
        cache.asMap().computeIfPresent(courseId, (id, known) -> known.supersede());
    }
}
