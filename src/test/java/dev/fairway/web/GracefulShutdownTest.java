package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TcpProxy;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    @Test
    void refuses_new_connections_but_answers_the_request_in_flight() throws Exception {
        DatabaseUrl database = TestPostgres.newDatabase();
        try (TcpProxy proxy = TcpProxy.to(TestPostgres.port())) {
            Service service = TestService.startReady(TestPostgres.url(proxy.port(), database.database()));
            int port = service.port();
            Http http = new Http(port);
            assertThat(http.get("/health/ready").status()).isEqualTo(200);

            proxy.blackhole(true); // the readiness probe now waits its full budget: a request in flight
            CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(() -> http.get("/health/ready"));
            await().atMost(Duration.ofSeconds(5)).until(() -> service.parts().pool().activeConnections() == 1);

            long stopStart = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::close);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> refusesConnections(port));
            boolean refusedWhileRequestInFlight = !inFlight.isDone();

            Http.Answer answer = inFlight.get();
            stopping.get();

            assertThat(refusedWhileRequestInFlight).as("new connections refused before the request finished").isTrue();
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().path("status").asText()).isEqualTo("DOWN");
            assertThat(Duration.ofNanos(System.nanoTime() - stopStart)).isLessThan(WebServer.GRACEFUL_STOP);
            assertThat(service.parts().pool().totalConnections()).as("pool closed").isZero();
        }
    }

    @Test
    void a_booking_in_flight_when_the_stop_begins_is_completed_and_stored() throws Exception {
        DatabaseUrl database = TestPostgres.newDatabase();
        Service service = TestService.startReady(database, java.time.Clock.fixed(
                java.time.Instant.parse("2026-12-01T14:00:00Z"), java.time.ZoneOffset.UTC));
        int port = service.port();
        Http http = new Http(port);
        http.put("/api/courses/pine-valley", TestApi.PINE_VALLEY, TestApi.admin());
        String booking = "{\"start\": \"2026-12-05T07:00:00-05:00\", \"players\": 1, \"name\": \"In flight\"}";
        assertThat(http.post("/api/courses/pine-valley/bookings", booking).status()).isEqualTo(201);

        try (java.sql.Connection holder = new Db(database).connect()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select * from tee_time for update"); // the booking will wait for this lock
            CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(
                    () -> http.post("/api/courses/pine-valley/bookings", booking));
            await().atMost(Duration.ofSeconds(5)).until(() -> service.parts().pool().activeConnections() == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::close);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> refusesConnections(port));
            assertThat(inFlight).as("still waiting for the lock").isNotDone();
            holder.commit();

            assertThat(inFlight.get().status()).isEqualTo(201);
            stopping.get();
        }
        assertThat(new Db(database).count("select count(*) from booking where name = 'In flight'")).isEqualTo(2);
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
