package dev.fairway;

import dev.fairway.availability.AvailabilityRoutes;
import dev.fairway.availability.AvailabilityService;
import dev.fairway.availability.BookedCountsCache;
import dev.fairway.availability.CachePolicy;
import dev.fairway.availability.ChangeNotifications;
import dev.fairway.availability.ChangePayloads;
import dev.fairway.availability.ChangePublisher;
import dev.fairway.bookings.BookingEmailComposer;
import dev.fairway.bookings.BookingRoutes;
import dev.fairway.bookings.GroupRoutes;
import dev.fairway.bookings.GroupService;
import dev.fairway.bookings.BookingChanges;
import dev.fairway.bookings.Suspensions;
import dev.fairway.sheet.SheetRoutes;
import dev.fairway.sheet.SheetService;
import dev.fairway.bookings.BookingService;
import dev.fairway.bookings.HoldRoutes;
import dev.fairway.bookings.HoldService;
import dev.fairway.draw.DrawRoutes;
import dev.fairway.draw.DrawRunner;
import dev.fairway.draw.DrawService;
import dev.fairway.waitlist.OfferWorker;
import dev.fairway.waitlist.WaitlistRoutes;
import dev.fairway.waitlist.WaitlistService;
import io.micrometer.core.instrument.Counter;
import dev.fairway.bookings.IdempotencyCleanup;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.MailSettings;
import dev.fairway.config.Settings;
import dev.fairway.config.SmtpUrl;
import dev.fairway.courses.BlockRoutes;
import dev.fairway.courses.BlockService;
import dev.fairway.courses.CourseRoutes;
import dev.fairway.courses.CourseService;
import dev.fairway.courses.DemoCourse;
import dev.fairway.db.Database;
import dev.fairway.db.pool.ConnectionPool;
import dev.fairway.db.pool.PoolSettings;
import dev.fairway.db.postgres.EmbeddedDatabase;
import dev.fairway.db.postgres.Migrations;
import dev.fairway.db.postgres.NotificationListener;
import dev.fairway.db.postgres.ReplicationWatch;
import dev.fairway.db.postgres.SchemaMigrator;
import dev.fairway.db.resilience.BreakerRecoveryProbe;
import dev.fairway.db.resilience.DatabaseLog;
import dev.fairway.db.resilience.DatabaseMetrics;
import dev.fairway.db.resilience.DatabaseProbe;
import dev.fairway.db.resilience.LostConnections;
import dev.fairway.db.resilience.ResiliencePolicy;
import dev.fairway.email.ConsoleSender;
import dev.fairway.email.MailSender;
import dev.fairway.email.Outbox;
import dev.fairway.email.OutboxRoutes;
import dev.fairway.email.OutboxWorker;
import dev.fairway.email.SmtpSender;
import dev.fairway.golfers.GolferAuth;
import dev.fairway.golfers.GolferRoutes;
import dev.fairway.golfers.GolferService;
import dev.fairway.golfers.MemberRoutes;
import dev.fairway.golfers.MemberService;
import dev.fairway.golfers.SignInService;
import dev.fairway.ids.RandomIds;
import dev.fairway.metrics.Metrics;
import dev.fairway.teesheet.TeeSheetChanges;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.ApiDocsRoutes;
import dev.fairway.web.HealthRoutes;
import dev.fairway.web.HttpMetrics;
import dev.fairway.web.KnownQueryParameters;
import dev.fairway.web.MetricsRoutes;
import dev.fairway.web.PageRoutes;
import dev.fairway.web.RateLimiter;
import dev.fairway.web.Readiness;
import dev.fairway.web.WebServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Fairway's objects are made and put together, from its settings: the database
 * (embedded or not), the pool and its resilience policy, the features, the web server, and what
 * runs in the background. Nothing here decides anything; each part's rules live in its package.
 */
public final class Wiring {

    private static final Logger log = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
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
            ReplicationWatch replication = new ReplicationWatch(pool, settings.resilience().requireSyncStandby());
            ResiliencePolicy policy = resiliencePolicy(settings, metrics, pool, replication);
            Database database = new Database(pool, policy, settings.resilience(), replication);
            BreakerRecoveryProbe recovery = new BreakerRecoveryProbe(policy.breaker(), pool);

            BookedCountsCache counts = new BookedCountsCache();
            CourseService courses = new CourseService(database, counts);
            String instance = RandomIds.next();
            ChangePublisher publisher = new ChangePublisher(database, instance);
            ChangeNotifications heard = new ChangeNotifications(TeeSheetChanges.all(List.of(counts, courses)), instance);
            Optional<NotificationListener> listener = CachePolicy.listenUrl(settings.cache(), url,
                            embedded != null ? Optional.of(url) : settings.direct())
                    .map(listenOn -> new NotificationListener(listenOn, ChangePayloads.CHANNEL, heard));
            Gauge.builder("fairway.cache.listening", heard, h -> h.listening() ? 1 : 0)
                    .description("1 while changes made by other instances are heard through LISTEN").register(metrics);
            BlockService blocks = new BlockService(database, counts);
            AvailabilityService availability = new AvailabilityService(database, clock, counts,
                    new CachePolicy(settings.cache(), heard), metrics);
            MailSettings mail = settings.mail();
            Outbox outbox = new Outbox(database, clock,
                    mail.smtp().map(SmtpUrl::redacted).or(() -> mail.console() ? Optional.of(MailSettings.CONSOLE) : Optional.empty()),
                    new BookingEmailComposer(database, courses, clock, mail), metrics);
            Optional<OutboxWorker> mailer = sender(mail).map(sender -> new OutboxWorker(database, sender, outbox));
            TeeSheetChanges changes = TeeSheetChanges.all(List.of(counts, publisher));
            Runnable emailWritten = () -> mailer.ifPresent(OutboxWorker::wake);
            BookingService bookings = new BookingService(database, clock, changes, emailWritten);
            GroupService groups = new GroupService(database, clock, bookings, changes, emailWritten);
            Counter offersConfirmed = OfferWorker.offers(metrics, "confirmed");
            HoldService holds = new HoldService(database, clock, changes, emailWritten, bookings,
                    offersConfirmed::increment);
            WaitlistService waitlist = new WaitlistService(database, clock, holds);
            DrawService draws = new DrawService(database, clock);
            Suspensions suspensions = new Suspensions(database, clock);
            SheetService sheets = new SheetService(database, clock);
            BookingChanges bookingChanges = new BookingChanges(database, clock, changes, emailWritten);
            IdempotencyCleanup cleanup = new IdempotencyCleanup(database, clock);
            AdminAuth admin = new AdminAuth(settings.adminToken());
            GolferService golfers = new GolferService(database, clock);
            SignInService signIn = new SignInService(database, clock, outbox, () -> mailer.ifPresent(OutboxWorker::wake));
            MemberService members = new MemberService(database);
            List<Runnable> whenMigrated = new ArrayList<>();
            if (embedded != null) {
                whenMigrated.add(() -> DemoCourse.createIfNoCourses(courses, clock));
            }
            // The outbox is read once its table exists.
            whenMigrated.add(outbox::start);
            mailer.ifPresent(worker -> whenMigrated.add(worker::start));
            OfferWorker offers = new OfferWorker(database, clock, new OfferWorker.Parts(courses, availability, holds,
                    members, suspensions, outbox, draws), mail, emailWritten, metrics);
            whenMigrated.add(offers::start);
            DrawRunner drawRunner = new DrawRunner(database, clock, courses, bookings, outbox, mail, emailWritten);
            whenMigrated.add(drawRunner::start);
            SchemaMigrator migrator = new SchemaMigrator(new Migrations(migrationUrl), whenMigrated);

            RateLimiter limits = new RateLimiter(settings.http().rateLimits(), admin);
            BookingRoutes bookingRoutes = new BookingRoutes(courses, bookings, admin, limits, members, suspensions,
                    bookingChanges, draws);
            Readiness readiness = new Readiness(new DatabaseProbe(pool), migrator, policy.breaker(), replication,
                    outbox::health);
            WebServer web = WebServer.start(settings.http().host().orElse(null), settings.port(),
                    settings.resilience().requestDeadline(), settings.http().rateLimits().trustedProxies(), clock, metrics, List.of(
                            new HttpMetrics(metrics),
                            limits,
                            new GolferAuth(admin, golfers),
                            KnownQueryParameters.ofContract(admin),
                            new HealthRoutes(readiness),
                            new MetricsRoutes(metrics, settings.http().metricsToken()),
                            new ApiDocsRoutes(),
                            new PageRoutes(),
                            new CourseRoutes(courses, admin),
                            new BlockRoutes(courses, blocks, admin),
                            new AvailabilityRoutes(courses, availability, members, admin),
                            bookingRoutes,
                            new HoldRoutes(courses, holds, bookingRoutes, limits, members),
                            new WaitlistRoutes(courses, waitlist, admin, limits, suspensions),
                            new GroupRoutes(courses, groups, limits, members, suspensions, draws),
                            new DrawRoutes(courses, draws, members, suspensions, limits),
                            new SheetRoutes(courses, sheets, admin),
                            new GolferRoutes(signIn, golfers, limits, mail.console() ? "console" : mail.smtp().isPresent() ? "smtp" : "off"),
                            new MemberRoutes(courses, members, admin),
                            new OutboxRoutes(outbox, admin)));
            migrator.start();
            cleanup.start();
            recovery.start();
            replication.start();
            publisher.start();
            listener.ifPresent(NotificationListener::start);
            mail.publicUrl().listeningOn(web.port());
            log.info("Email: {}", delivery(mail).map(how -> how + "; links in emails start " + mail.publicUrl())
                    .orElse("OFF: FAIRWAY_SMTP_URL is not set, so no email is sent and golfers cannot sign in by "
                            + "emailed code; emails wait in the outbox (GET /api/outbox). Set FAIRWAY_SMTP_URL to an SMTP "
                            + "server (README, Email), or FAIRWAY_SMTP_URL=console to print emails here for a local trial"));
            log.info("Fairway {} is serving on {}", VersionProvider.version(), listening(settings, web.port()));
            List<AutoCloseable> background = new ArrayList<>();
            mailer.ifPresent(background::add);
            background.addAll(List.of(drawRunner, offers, outbox, cleanup, recovery, replication, publisher));
            listener.ifPresent(background::add);
            background.add(meters);
            return new Service(web, readiness, embedded, background,
                    new Service.Parts(database, pool, migrator, courses, counts, heard));
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

    /** How emails leave, in words for the log and /health/ready; empty when they do not. */
    private static Optional<String> delivery(MailSettings mail) {
        if (mail.console()) {
            return Optional.of("printed to the console, not sent (FAIRWAY_SMTP_URL=console: a local trial only)");
        }
        return mail.smtp().map(smtp -> "sent through " + smtp.redacted());
    }

    private static Optional<MailSender> sender(MailSettings mail) {
        if (mail.console()) {
            return Optional.of(new ConsoleSender(System.out, mail.from()));
        }
        return mail.smtp().map(smtp -> new SmtpSender(smtp, mail));
    }

    private static ResiliencePolicy resiliencePolicy(Settings settings, PrometheusMeterRegistry metrics,
                                                     ConnectionPool pool, ReplicationWatch replication) {
        ResiliencePolicy policy = new ResiliencePolicy(settings.resilience(), System::currentTimeMillis);
        policy.addListener(DatabaseLog.attachTo(policy));
        policy.addListener(DatabaseMetrics.attachTo(policy, metrics));
        policy.addListener(new LostConnections(pool, replication));
        return policy;
    }

    /** Where the server listens, as its start-up line says it. */
    private static String listening(Settings settings, int port) {
        return settings.http().host()
                .map(host -> "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port)
                .orElse("every interface, port " + port + " (http://localhost:" + port + " from this machine; "
                        + "FAIRWAY_HOST=127.0.0.1 serves this machine only)");
    }
}
