package dev.fairway;

import dev.fairway.availability.BookedCountsCache;
import dev.fairway.availability.ChangeNotifications;
import dev.fairway.courses.CourseService;
import dev.fairway.db.Database;
import dev.fairway.db.pool.ConnectionPool;
import dev.fairway.db.postgres.EmbeddedDatabase;
import dev.fairway.db.postgres.SchemaMigrator;
import dev.fairway.web.Readiness;
import dev.fairway.web.WebServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Fairway: what {@link Wiring#start} put together, and the order it is taken down in.
 */
public final class Service implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Service.class);

    private final WebServer web;
    private final Readiness readiness;
    private final EmbeddedDatabase embedded;
    private final List<AutoCloseable> background;
    private final Parts parts;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * The parts a test, or a tool run beside the service, reaches into.
     *
     * @param database     the unit-of-work runner
     * @param pool         its connection pool
     * @param migrator     the schema migrations, running in the background
     * @param courses      the courses, cached
     * @param bookedCounts the availability cache
     * @param heard        the changes heard from other instances
     */
    public record Parts(Database database, ConnectionPool pool, SchemaMigrator migrator, CourseService courses,
                        BookedCountsCache bookedCounts, ChangeNotifications heard) {

        /** Whether changes made by other instances are heard through LISTEN. */
        public boolean listening() {
            return heard.listening();
        }

        /** Marks every cached course and count as possibly changed: the next request reads them again. */
        public void forgetCaches() {
            bookedCounts.everythingMayHaveChanged();
            courses.everythingMayHaveChanged();
        }
    }

    /** @param background what runs in the background, in the order to stop it: all of it before the pool */
    Service(WebServer web, Readiness readiness, EmbeddedDatabase embedded, List<AutoCloseable> background, Parts parts) {
        this.web = web;
        this.readiness = readiness;
        this.embedded = embedded;
        this.background = List.copyOf(background);
        this.parts = parts;
    }

    public int port() {
        return web.port();
    }

    /** Every route the server answers, as "METHOD /path". */
    public List<String> routes() {
        return web.registeredRoutes();
    }

    /** Waits at most {@code wait} for the schema to be migrated; whether it was. */
    public boolean awaitMigrated(Duration wait) throws InterruptedException {
        return parts.migrator().awaitReady(wait);
    }

    public Parts parts() {
        return parts;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops in the order that loses nothing: readiness goes DOWN, the server refuses new
     * connections and lets requests in flight finish, then the background work stops, then the
     * pool closes, then the embedded database stops.
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
        quietly(parts.migrator());
        quietly(parts.pool());
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
