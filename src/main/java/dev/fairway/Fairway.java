package dev.fairway;

import dev.fairway.availability.AvailabilityRoutes;
import dev.fairway.availability.AvailabilityService;
import dev.fairway.availability.BookedCountsCache;
import dev.fairway.availability.ChangeNotifications;
import dev.fairway.availability.ChangePayloads;
import dev.fairway.availability.ChangePublisher;
import dev.fairway.bookings.BookingRoutes;
import dev.fairway.bookings.BookingService;
import dev.fairway.bookings.IdempotencyCleanup;
import dev.fairway.config.CacheSettings;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.InvalidSettingException;
import dev.fairway.config.Settings;
import dev.fairway.courses.BlockRoutes;
import dev.fairway.courses.BlockService;
import dev.fairway.courses.CourseRoutes;
import dev.fairway.courses.CourseService;
import dev.fairway.courses.DemoCourse;
import dev.fairway.db.BreakerRecoveryProbe;
import dev.fairway.db.ConnectionPool;
import dev.fairway.db.Database;
import dev.fairway.db.DatabaseLog;
import dev.fairway.db.DatabaseMetrics;
import dev.fairway.db.DatabaseProbe;
import dev.fairway.db.EmbeddedDatabase;
import dev.fairway.db.Migrations;
import dev.fairway.db.NotificationListener;
import dev.fairway.db.PoolSettings;
import dev.fairway.db.RandomIds;
import dev.fairway.db.ReplicationWatch;
import dev.fairway.db.ResiliencePolicy;
import dev.fairway.db.SchemaMigrator;
import dev.fairway.teesheet.TeeSheetChanges;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.ApiDocsRoutes;
import dev.fairway.web.HealthRoutes;
import dev.fairway.web.HttpMetrics;
import dev.fairway.web.Metrics;
import dev.fairway.web.MetricsRoutes;
import dev.fairway.web.PageRoutes;
import dev.fairway.web.Readiness;
import dev.fairway.web.WebServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The entry point, and the one place that wires Fairway's objects together.
 */
@Command(name = "fairway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ServeCommand.class, MigrateCommand.class, CheckDbCommand.class},
        description = "Tee-time availability and booking service. Without a command: serve.")
public final class Fairway implements Callable<Integer> {

    /** Exit status for a setting that cannot be used, as for a command-line usage error. */
    public static final int EXIT_INVALID_SETTING = 2;
    private static final Logger log = LoggerFactory.getLogger(Fairway.class);

    @Mixin
    SettingsOptions options;

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        System.exit(status);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Fairway())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("fairway: " + e.getMessage());
                    if (e instanceof InvalidSettingException) {
                        return EXIT_INVALID_SETTING;
                    }
                    log.debug("fairway failed", e);
                    return 1;
                });
    }

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(options.settings());
    }

    private static ResiliencePolicy resiliencePolicy(Settings settings, PrometheusMeterRegistry metrics) {
        ResiliencePolicy policy = new ResiliencePolicy(settings.resilience(), System::currentTimeMillis);
        policy.addListener(DatabaseLog.attachTo(policy));
        policy.addListener(DatabaseMetrics.attachTo(policy, metrics));
        return policy;
    }

    /**
     * The URL to LISTEN on: a direct connection. None behind a transaction pooler without
     * DIRECT_URL (LISTEN needs a session of its own), nor when LISTEN is turned off.
     */
    private static Optional<DatabaseUrl> listenUrl(Settings settings, EmbeddedDatabase embedded, DatabaseUrl url) {
        if (!settings.cache().listen()) {
            return Optional.empty();
        }
        if (embedded != null) {
            return Optional.of(url);
        }
        Optional<DatabaseUrl> direct = settings.direct().or(() -> url.transactionPooler() ? Optional.empty() : Optional.of(url));
        if (direct.isEmpty()) {
            log.warn("DATABASE_URL is a transaction pooler and DIRECT_URL is not set: other instances' bookings show "
                    + "in availability only after the cache TTL ({} ms); set DIRECT_URL to hear them at once",
                    settings.cache().ttl().toMillis());
        }
        return direct;
    }

    private static Duration freshFor(CacheSettings cache, ChangeNotifications heard) {
        if (cache.ttl().isZero()) {
            return Duration.ZERO;
        }
        return heard.listening() ? CacheSettings.LISTENING_MAX_AGE : cache.ttl();
    }

    /** Where the server listens, as its start-up line says it. */
    private static String listening(Settings settings, int port) {
        return settings.http().host()
                .map(host -> "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port)
                .orElse("every interface, port " + port + " (http://localhost:" + port + " from this machine; "
                        + "FAIRWAY_HOST=127.0.0.1 serves this machine only)");
    }

    /** What runs in the background, in the order to stop it: all of it before the pool closes. */
    private static List<AutoCloseable> background(List<AutoCloseable> workers, Optional<NotificationListener> listener,
                                                  AutoCloseable meters) {
        List<AutoCloseable> closeables = new ArrayList<>(workers);
        listener.ifPresent(closeables::add);
        closeables.add(meters);
        return closeables;
    }

    /** Starts Fairway with {@code settings} and returns it running. */
    public static Service start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts Fairway with {@code settings}, telling the time by {@code clock}. */
    public static Service start(Settings settings, Clock clock) {
        EmbeddedDatabase embedded = settings.embedded() ? EmbeddedDatabase.start(settings.dataDir()) : null;
        ConnectionPool pool = null;
        try {
            DatabaseUrl url = embedded != null ? embedded.url() : settings.database().orElseThrow();
            DatabaseUrl migrationUrl = embedded != null ? url : settings.migrationUrl().orElseThrow();
            url.warnings().forEach(warning -> log.warn("DATABASE_URL: {}", warning));
            log.info("Database: {}", url.redacted());
            Metrics meters = new Metrics();
            PrometheusMeterRegistry metrics = meters.registry();
            pool = ConnectionPool.open("fairway", url, PoolSettings.forUrl(url), DatabaseMetrics.poolMetrics(metrics));
            ResiliencePolicy policy = resiliencePolicy(settings, metrics);
            ReplicationWatch replication = new ReplicationWatch(pool, settings.resilience().requireSyncStandby());
            Database database = new Database(pool, policy, replication);
            BreakerRecoveryProbe recovery = new BreakerRecoveryProbe(policy.breaker(), pool);
            BookedCountsCache counts = new BookedCountsCache();
            CourseService courses = new CourseService(database, counts);
            String instance = RandomIds.next();
            ChangePublisher publisher = new ChangePublisher(database, instance);
            ChangeNotifications heard = new ChangeNotifications(TeeSheetChanges.all(List.of(counts, courses)), instance);
            Optional<NotificationListener> listener = listenUrl(settings, embedded, url)
                    .map(listenOn -> new NotificationListener(listenOn, ChangePayloads.CHANNEL, heard));
            Gauge.builder("fairway.cache.listening", heard, h -> h.listening() ? 1 : 0)
                    .description("1 while changes made by other instances are heard through LISTEN").register(metrics);
            BlockService blocks = new BlockService(database, counts);
            AvailabilityService availability = new AvailabilityService(database, clock, counts,
                    () -> freshFor(settings.cache(), heard), metrics);
            BookingService bookings = new BookingService(database, clock, TeeSheetChanges.all(List.of(counts, publisher)));
            IdempotencyCleanup cleanup = new IdempotencyCleanup(database, clock);
            AdminAuth admin = new AdminAuth(settings.adminToken());
            List<Runnable> whenMigrated = embedded != null
                    ? List.of(() -> DemoCourse.createIfNoCourses(courses, clock)) : List.of();
            SchemaMigrator migrator = new SchemaMigrator(new Migrations(migrationUrl), whenMigrated);
            Readiness readiness = new Readiness(new DatabaseProbe(pool), migrator, policy.breaker(), replication);
            WebServer web = WebServer.start(settings.http().host().orElse(null), settings.port(),
                    settings.resilience().requestDeadline(), List.of(
                    new HttpMetrics(metrics),
                    new HealthRoutes(readiness),
                    new MetricsRoutes(metrics, settings.http().metricsToken()),
                    new ApiDocsRoutes(),
                    new PageRoutes(),
                    new CourseRoutes(courses, admin),
                    new BlockRoutes(courses, blocks, admin),
                    new AvailabilityRoutes(courses, availability),
                    new BookingRoutes(courses, bookings, admin)));
            migrator.start();
            cleanup.start();
            recovery.start();
            replication.start();
            publisher.start();
            listener.ifPresent(NotificationListener::start);
            log.info("Fairway {} is serving on {}", VersionProvider.version(), listening(settings, web.port()));
            return new Service(web, readiness, migrator, pool, embedded, settings.adminToken(), courses,
                    database, counts, heard, background(List.of(cleanup, recovery, replication, publisher), listener, meters));
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }
}
