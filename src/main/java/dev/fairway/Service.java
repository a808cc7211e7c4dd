package dev.fairway;

import dev.fairway.availability.BookedCountsCache;
import dev.fairway.availability.ChangeNotifications;
import dev.fairway.config.Secret;
import dev.fairway.courses.CourseService;
import dev.fairway.db.ConnectionPool;
import dev.fairway.db.Database;
import dev.fairway.db.EmbeddedDatabase;
import dev.fairway.db.SchemaMigrator;
import dev.fairway.web.Readiness;
import dev.fairway.web.WebServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Fairway: what {@link Fairway#start} wired, and the order it is taken down in.
 */
public final class Service implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Service.class);

    private final WebServer web;
    private final Readiness readiness;
    private final SchemaMigrator migrator;
    private final ConnectionPool pool;
    private final EmbeddedDatabase embedded;
    private final Secret adminToken;
    private final CourseService courses;
    private final Database database;
    private final BookedCountsCache counts;
    private final ChangeNotifications heard;
    private final List<AutoCloseable> background;
    private final CountDownLatch stopped = new CountDownLatch(1);

    Service(WebServer web, Readiness readiness, SchemaMigrator migrator, ConnectionPool pool,
            EmbeddedDatabase embedded, Secret adminToken, CourseService courses, Database database,
            BookedCountsCache counts, ChangeNotifications heard, List<AutoCloseable> background) {
        this.courses = courses;
        this.database = database;
        this.counts = counts;
        this.heard = heard;
        this.web = web;
        this.readiness = readiness;
        this.migrator = migrator;
        this.pool = pool;
        this.embedded = embedded;
        this.adminToken = adminToken;
        this.background = List.copyOf(background);
    }

    public int port() {
        return web.port();
    }

    public Secret adminToken() {
        return adminToken;
    }

    public WebServer web() {
        return web;
    }

    public CourseService courses() {
        return courses;
    }

    /** The availability cache of booked counts. */
    public BookedCountsCache bookedCounts() {
        return counts;
    }

    /** Whether changes made by other instances are heard through LISTEN. */
    public boolean listening() {
        return heard.listening();
    }

    /** Marks every cached course and count as possibly changed: the next request reads them again. */
    public void forgetCaches() {
        counts.everythingMayHaveChanged();
        courses.everythingMayHaveChanged();
    }

    public Database database() {
        return database;
    }

    public SchemaMigrator migrator() {
        return migrator;
    }

    public ConnectionPool pool() {
        return pool;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops in the order that loses nothing: readiness goes DOWN, the server refuses new
     * connections and lets requests in flight finish, then the pool closes, then the embedded
     * database stops.
     */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        log.info("Fairway is stopping: readiness is DOWN, requests in flight may finish for up to {} s",
                WebServer.GRACEFUL_STOP.toSeconds());
        readiness.markStopping();
        quietly(web);
        background.forEach(Service::quietly);
        quietly(migrator);
        quietly(pool);
        if (embedded != null) {
            quietly(embedded);
        }
        log.info("Fairway has stopped");
        stopped.countDown();
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
