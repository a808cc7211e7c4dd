package dev.fairway.db.check;

import dev.fairway.db.postgres.Migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.db.check.CheckReport;
import dev.fairway.db.check.ConnectionCheck;
import dev.fairway.db.check.Step;
import dev.fairway.db.check.StepResult.Outcome;
import dev.fairway.support.TestPostgres;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {

    @Test
    void finds_a_working_database_usable_and_times_every_step() {
        DatabaseUrl url = TestPostgres.newDatabase();
        new Migrations(url).migrate();

        CheckReport report = new ConnectionCheck(url).run();

        assertThat(report.usable()).isTrue();
        assertThat(report.steps()).extracting(s -> s.outcome()).containsOnly(Outcome.OK);
        assertThat(report.step(Step.SERVER).finding()).startsWith("PostgreSQL 17");
        assertThat(report.step(Step.POOLER).finding()).contains("direct connection");
        assertThat(report.step(Step.LATENCY).finding()).startsWith("median ");
        assertThat(report.step(Step.MIGRATIONS).finding()).startsWith("up to date at version");
    }

    @Test
    void says_migrations_are_pending_on_an_empty_database() {
        CheckReport report = new ConnectionCheck(TestPostgres.newDatabase()).run();

        assertThat(report.usable()).isTrue();
        assertThat(report.step(Step.MIGRATIONS).outcome()).isEqualTo(Outcome.WARN);
        assertThat(report.step(Step.MIGRATIONS).diagnosis()).contains("fairway migrate");
    }

    @Test
    void explains_a_closed_port() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        CheckReport report = new ConnectionCheck(TestPostgres.url(closed, "fairway")).run();

        assertThat(report.usable()).isFalse();
        assertThat(report.step(Step.DNS).outcome()).isEqualTo(Outcome.OK);
        assertThat(report.step(Step.TCP).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(report.step(Step.TCP).diagnosis()).startsWith("nothing is listening on localhost:" + closed);
        assertThat(report.step(Step.AUTHENTICATION).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void explains_a_host_name_that_does_not_resolve() {
        CheckReport report = new ConnectionCheck(DatabaseUrl.parse("postgres://u:p@no-such-host.invalid/db")).run();

        assertThat(report.usable()).isFalse();
        assertThat(report.step(Step.DNS).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(report.step(Step.DNS).diagnosis()).contains("no-such-host.invalid");
    }

    @Test
    void explains_a_database_that_does_not_exist() {
        CheckReport report = new ConnectionCheck(TestPostgres.url(TestPostgres.port(), "no_such_db")).run();

        assertThat(report.step(Step.AUTHENTICATION).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(report.step(Step.AUTHENTICATION).diagnosis()).startsWith("database no_such_db does not exist");
    }

    @Test
    void explains_a_port_where_something_else_listens() throws Exception {
        try (ServerSocket http = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                while (!http.isClosed()) {
                    try (Socket client = http.accept(); OutputStream out = client.getOutputStream()) {
                        client.getInputStream().read(new byte[8]);
                        out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (Exception ignored) {
                        // the test is over
                    }
                }
            });

            CheckReport report = new ConnectionCheck(TestPostgres.url(http.getLocalPort(), "db")).run();

            assertThat(report.step(Step.TLS).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(report.step(Step.TLS).diagnosis()).contains("something other than PostgreSQL");
        }
    }
}
