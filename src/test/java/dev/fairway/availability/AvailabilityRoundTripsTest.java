package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.MailSettings;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards against N+1 queries: the statements the service sends to PostgreSQL, counted on the
 * wire by a proxy, do not grow with the number of days asked for, and a cached answer sends none.
 * The LISTEN connection goes around the proxy (as {@code DIRECT_URL}) so its heartbeat is not counted,
 * and the proxy leaves out the pool's connection upkeep (a new connection's set-up, liveness checks),
 * which may fall into any request's window.
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
                Optional.of(database), 0, TestService.HTTP, new Secret(TestService.ADMIN_TOKEN), false, Path.of("target", "unused-data-dir"),
                ResilienceSettings.defaults(), CacheSettings.defaults(), MailSettings.defaults());
        service = TestService.startReady(viaProxy, Clock.systemUTC());
        http = new Http(service.port());
        http.put("/api/courses/one", TestApi.PINE_VALLEY, TestApi.admin());
        http.put("/api/courses/thirty-one", TestApi.PINE_VALLEY, TestApi.admin());
        http.post("/api/courses/thirty-one/blocks", "{\"start\": \"2026-12-05T08:00:00-05:00\", "
                + "\"end\": \"2026-12-05T09:00:00-05:00\"}", TestApi.admin());
        com.fasterxml.jackson.databind.node.ObjectNode twoTees = TestApi.pineValley();
        twoTees.set("tees", TestApi.object("{\"t\": [{\"name\": \"1\", \"turnsTo\": \"10\"}, "
                + "{\"name\": \"10\", \"turnsTo\": \"1\"}]}").get("t"));
        twoTees.set("rounds", TestApi.object("{\"r\": [9, 18]}").get("r"));
        assertThat(http.put("/api/courses/two-tees", twoTees.toString(), TestApi.admin()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        service.close();
        proxy.close();
    }

    @Test
    void one_day_costs_two_round_trips_cold_one_with_the_course_cached_and_none_when_all_is_cached() {
        service.parts().forgetCaches();
        Counted cold = count("/api/courses/one/availability?from=2026-12-05");
        service.parts().bookedCounts().everythingMayHaveChanged();
        Counted courseCached = count("/api/courses/one/availability?from=2026-12-05");
        Counted allCached = count("/api/courses/one/availability?from=2026-12-05");

        assertThat(cold.roundTrips()).as("%s", cold.sql()).isEqualTo(2);
        assertThat(courseCached.roundTrips()).as("%s", courseCached.sql()).isEqualTo(1);
        assertThat(courseCached.statements()).as("the deadline settings and the query: %s", courseCached.sql())
                .isEqualTo(2);
        assertThat(allCached.roundTrips()).as("%s", allCached.sql()).isZero();
    }

    @Test
    void thirty_one_days_cost_the_same_as_one() {
        service.parts().forgetCaches();
        Counted cold = count("/api/courses/thirty-one/availability?from=2026-12-01&to=2027-01-01");
        service.parts().bookedCounts().everythingMayHaveChanged();
        Counted month = count("/api/courses/thirty-one/availability?from=2026-12-01&to=2027-01-01");
        service.parts().bookedCounts().everythingMayHaveChanged();
        Counted oneDay = count("/api/courses/thirty-one/availability?from=2026-12-05");

        assertThat(cold.roundTrips()).as("%s", cold.sql()).isEqualTo(2);
        assertThat(List.of(month.roundTrips(), month.statements())).as("month %s, one day %s", month.sql(), oneDay.sql())
                .isEqualTo(List.of(oneDay.roundTrips(), oneDay.statements()));
        assertThat(month.roundTrips()).as("%s", month.sql()).isEqualTo(1);
    }

    @Test
    void two_tees_and_their_turns_cost_the_same_as_one_tee() {
        service.parts().forgetCaches();
        Counted cold = count("/api/courses/two-tees/availability?from=2026-12-01&to=2027-01-01");
        service.parts().bookedCounts().everythingMayHaveChanged();
        Counted month = count("/api/courses/two-tees/availability?from=2026-12-01&to=2027-01-01&holes=18");
        service.parts().bookedCounts().everythingMayHaveChanged();
        Counted oneTee = count("/api/courses/two-tees/availability?from=2026-12-01&to=2027-01-01&tee=10&holes=9");

        assertThat(cold.roundTrips()).as("%s", cold.sql()).isEqualTo(2);
        assertThat(month.roundTrips()).as("%s", month.sql()).isEqualTo(1);
        assertThat(List.of(month.roundTrips(), month.statements())).as("both tees %s, one %s", month.sql(), oneTee.sql())
                .isEqualTo(List.of(oneTee.roundTrips(), oneTee.statements()));
    }

    @Test
    void the_staffs_sheet_of_a_busy_day_costs_the_same_round_trips_as_an_empty_one() {
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        java.time.LocalDate busy = java.time.LocalDate.now(newYork).plusDays(1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        java.time.LocalDate empty = busy.plusDays(7);
        for (int i = 0; i < 12; i++) {
            String start = busy.atTime(7, 0).plusMinutes(10L * i).atZone(newYork).toOffsetDateTime().toString();
            Http.Answer booked = http.post("/api/courses/two-tees/bookings", Http.json(java.util.Map.of("start", start,
                    "tee", i % 2 == 0 ? "1" : "10", "holes", i % 3 == 0 ? 9 : 18, "players", 1 + i % 4,
                    "name", "Party " + i)), TestApi.admin());
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        }
        http.post("/api/courses/two-tees/blocks", "{\"start\": \"" + busy.atTime(12, 0).atZone(newYork).toOffsetDateTime()
                + "\", \"end\": \"" + busy.atTime(13, 0).atZone(newYork).toOffsetDateTime() + "\"}", TestApi.admin());

        Counted emptyDay = count("/api/courses/two-tees/sheet?date=" + empty, TestApi.admin());
        Counted busyDay = count("/api/courses/two-tees/sheet?date=" + busy, TestApi.admin());

        assertThat(busyDay.sql()).as("the busy day's parties were read").anyMatch(sql -> sql.contains("from booking"));
        assertThat(List.of(busyDay.roundTrips(), busyDay.statements())).as("busy %s, empty %s", busyDay.sql(), emptyDay.sql())
                .isEqualTo(List.of(emptyDay.roundTrips(), emptyDay.statements()));
        assertThat(busyDay.statements()).as("three reads, each after its deadline's setting: %s", busyDay.sql())
                .isEqualTo(6);
        assertThat(busyDay.roundTrips()).as("%s", busyDay.sql()).isEqualTo(3);
    }

    @Test
    void a_request_on_a_new_connection_costs_the_same_the_set_up_being_the_pools() throws SQLException {
        service.parts().forgetCaches();
        List<Connection> held = new ArrayList<>();
        try {
            while (service.parts().pool().idleConnections() > 0) {
                held.add(service.parts().pool().borrow(Duration.ofSeconds(1))); // the request must open its own
            }
            Counted cold = count("/api/courses/one/availability?from=2026-12-05");

            assertThat(cold.sql()).as("a new connection was set up in the window").anyMatch(sql -> sql.contains("(upkeep)"));
            assertThat(cold.roundTrips()).as("%s", cold.sql()).isEqualTo(2);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private static Counted count(String path, String... headers) {
        proxy.resetCounters();
        Http.Answer answer = http.get(path, headers);
        assertThat(answer.status()).isEqualTo(200);
        // The replication watch surveys the primary every second, one statement in a round trip of
        // its own on another connection: when its survey falls into the window, it is not the request's.
        List<String> sql = proxy.executed();
        long surveys = sql.stream().filter(statement -> statement.contains("from pg_stat_replication")).count();
        // Likewise a change published to other instances after an earlier write: its settings and
        // its pg_notify, one round trip on another connection.
        long notices = sql.stream().filter(statement -> statement.contains("select pg_notify(")).count();
        return new Counted(proxy.roundTrips() - surveys - notices, proxy.statements() - surveys - 2 * notices, sql);
    }

    /**
     * What one request sent.
     *
     * @param roundTrips round trips carrying SQL
     * @param statements statements executed
     * @param sql        what was sent, connection upkeep included, for failure messages
     */
    record Counted(long roundTrips, long statements, List<String> sql) {
    }
}
