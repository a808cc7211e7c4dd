package dev.fairway.chaos;

import dev.fairway.Service;
import dev.fairway.config.MailSettings;
import dev.fairway.config.CacheSettings;
import dev.fairway.config.ResilienceSettings;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import dev.fairway.support.Http;
import dev.fairway.support.ReplicatedPostgres;
import dev.fairway.support.TestService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A primary, its streaming replica, and Fairway on one URL naming both
 * ({@code ...@h1:p1,h2:p2/db?target_session_attrs=read-write}) with the scenario course: what a
 * failover scenario needs.
 */
public final class FailoverEnvironment implements AutoCloseable {

    private final ReplicatedPostgres servers;
    private final boolean requireSyncStandby;
    private final List<Service> services = new ArrayList<>();

    private FailoverEnvironment(ReplicatedPostgres servers, boolean requireSyncStandby) {
        this.servers = servers;
        this.requireSyncStandby = requireSyncStandby;
    }

    /**
     * @param synchronous whether the primary's commits wait for the replica, and Fairway requires
     *                    that they do ({@code FAIRWAY_DB_REQUIRE_SYNC_STANDBY})
     */
    public static FailoverEnvironment start(boolean synchronous) {
        FailoverEnvironment env = new FailoverEnvironment(ReplicatedPostgres.start(synchronous), synchronous);
        try {
            env.startService();
            // With a synchronous standby required, writes wait until the primary's standbys are known.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .untilAsserted(() -> ChaosEnvironment.createCourse(env.http()));
            return env;
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /** Starts one more Fairway on the same URL, as another instance or a restart would. */
    public Service startService() {
        Settings settings = new Settings(Optional.of(servers.url()), Optional.empty(), 0, TestService.HTTP,
                new Secret(TestService.ADMIN_TOKEN), false, Path.of("target", "unused-data-dir"),
                ResilienceSettings.defaults().withRequireSyncStandby(requireSyncStandby), CacheSettings.defaults(), MailSettings.defaults());
        Service service = TestService.startReady(settings, Clock.systemUTC());
        services.add(service);
        return service;
    }

    public boolean requireSyncStandby() {
        return requireSyncStandby;
    }

    public ReplicatedPostgres servers() {
        return servers;
    }

    /** The first Fairway. */
    public Service service() {
        return services.getFirst();
    }

    /** The first Fairway's client. */
    public Http http() {
        return new Http(services.getFirst().port());
    }

    @Override
    public void close() {
        services.forEach(Service::close);
        servers.close();
    }
}
