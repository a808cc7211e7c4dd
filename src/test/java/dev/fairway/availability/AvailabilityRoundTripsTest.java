package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Http;
import dev.fairway.support.TcpProxy;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards against N+1 queries: the statements the service sends to PostgreSQL, counted on the
 * wire by a proxy, do not grow with the number of days asked for.
 */
class AvailabilityRoundTripsTest {

    static TcpProxy proxy;
    static Service service;
    static Http http;

    @BeforeAll
    static void start() {
        DatabaseUrl database = TestPostgres.newDatabase();
        proxy = TcpProxy.to(TestPostgres.port());
        service = TestService.startReady(TestPostgres.url(proxy.port(), database.database()));
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
    void one_day_costs_two_round_trips_for_a_cold_course_and_one_for_a_cached_course() {
        service.courses().forgetAll();
        Counted cold = count("/api/courses/one/availability?from=2026-12-05");
        Counted warm = count("/api/courses/one/availability?from=2026-12-05");

        assertThat(cold.roundTrips()).isEqualTo(2);
        assertThat(warm.roundTrips()).isEqualTo(1);
        assertThat(warm.statements()).as("SET LOCAL statement_timeout and the query").isEqualTo(2);
    }

    @Test
    void thirty_one_days_cost_the_same_as_one() {
        service.courses().forgetAll();
        Counted cold = count("/api/courses/thirty-one/availability?from=2026-12-01&to=2027-01-01");
        Counted warm = count("/api/courses/thirty-one/availability?from=2026-12-01&to=2027-01-01");
        Counted oneDay = count("/api/courses/thirty-one/availability?from=2026-12-05");

        assertThat(cold.roundTrips()).isEqualTo(2);
        assertThat(warm).isEqualTo(oneDay);
        assertThat(warm.roundTrips()).isEqualTo(1);
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
