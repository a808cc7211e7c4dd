package dev.fairway.support;

import dev.fairway.Fairway;
import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Starts Fairway in this JVM on a free port, against a given database. */
public final class TestService {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private TestService() {
    }

    public static Settings settings(DatabaseUrl database) {
        return new Settings(Optional.of(database), Optional.empty(), 0, new Secret(ADMIN_TOKEN), false,
                Path.of("target", "unused-data-dir"), dev.fairway.config.ResilienceSettings.defaults());
    }

    /** Starts Fairway and waits until its schema is migrated. */
    public static Service startReady(DatabaseUrl database) {
        return startReady(database, java.time.Clock.systemUTC());
    }

    /** Starts Fairway telling the time by {@code clock}, and waits until its schema is migrated. */
    public static Service startReady(DatabaseUrl database, java.time.Clock clock) {
        Service service = Fairway.start(settings(database), clock);
        try {
            if (!service.migrator().awaitReady(Duration.ofSeconds(30))) {
                service.close();
                throw new IllegalStateException("Fairway did not migrate its schema within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return service;
    }
}
