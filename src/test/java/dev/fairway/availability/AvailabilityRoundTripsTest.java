package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.CacheSettings;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.ResilienceSettings;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import dev.fairway.support.Http;
import dev.fairway.support.TcpProxy;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards against N+1 queries: the statements the service sends to PostgreSQL, counted on the
 * wire by a proxy, do not grow with the number of days asked for, and a cached answer sends none.
 * The LISTEN connection goes around the proxy (as {@code DIRECT_URL}) so its heartbeat is not counted.
 */
class AvailabilityRoundTripsTest {

    static TcpProxy proxy;
    static Service service;
    static Http http;

    @BeforeAll
    static void start() {
        DatabaseUrl database = TestPostgres.newDatabase();
        proxy = TcpProxy.to(TestPostgres.port());
        Settings viaProxy = new Settings(Optional.of(TestPostgres.url(proxy.port(), database.database())),
                Optional.of(database), 0, new Secret(TestService.ADMIN_TOKEN), false, Path.of("target", "unused-data-dir"),
                ResilienceSettings.defaults(), CacheSettings.defaults());
        service = TestService.startReady(viaProxy, Clock.systemUTC());
        http = new Http(service.port());
        http.put("/api/courses/one", TestApi.PINE_VALLEY, TestApi.admin());
        http.put("/api/courses/thirty-one", TestApi.PINE_VALLEY, TestApi.admin());
        http.post("/api/courses/thirty-one/blocks", "{\"start\": \"2026-12-05T08:00:00-05:00\", "
                + "\"end\": \"2026-12-05T09:00:00-05:00\"}", TestApi.admin());
    }

    @AfterAll
    static void stop() {
        service.close();
        proxy.close();
    }

    @Test
    void one_day_costs_two_round_trips_cold_one_with_the_course_cached_and_none_when_all_is_cached() {
        service.forgetCaches();
        Counted cold = count("/api/courses/one/availability?from=2026-12-05");
        service.bookedCounts().everythingMayHaveChanged();
        Counted courseCached = count("/api/courses/one/availability?from=2026-12-05");
        Counted allCached = count("/api/courses/one/availability?from=2026-12-05");

        assertThat(cold.roundTrips()).isEqualTo(2);
        assertThat(courseCached.roundTrips()).isEqualTo(1);
        assertThat(courseCached.statements()).as("the deadline settings and the query").isEqualTo(2);
        assertThat(allCached.roundTrips()).isZero();
    }

    @Test
    void thirty_one_days_cost_the_same_as_one() {
        service.forgetCaches();
        Counted cold = count("/api/courses/thirty-one/availability?from=2026-12-01&to=2027-01-01");
        service.bookedCounts().everythingMayHaveChanged();
        Counted month = count("/api/courses/thirty-one/availability?from=2026-12-01&to=2027-01-01");
        service.bookedCounts().everythingMayHaveChanged();
        Counted oneDay = count("/api/courses/thirty-one/availability?from=2026-12-05");

        assertThat(cold.roundTrips()).isEqualTo(2);
        assertThat(month).isEqualTo(oneDay);
        assertThat(month.roundTrips()).isEqualTo(1);
    }

    private static Counted count(String path) {
        proxy.resetCounters();
        Http.Answer answer = http.get(path);
        assertThat(answer.status()).isEqualTo(200);
        return new Counted(proxy.roundTrips(), proxy.statements());
    }

    /**
     * What one request sent.
     *
     * @param roundTrips round trips carrying SQL
     * @param statements statements executed
     */
    record Counted(long roundTrips, long statements) {
    }
}
