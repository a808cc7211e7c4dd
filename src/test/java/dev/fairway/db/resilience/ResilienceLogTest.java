package dev.fairway.db.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Http;
import dev.fairway.support.TcpProxy;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The retry log lines: "Database operation failed (attempt n/3), retrying in ...", the SQLSTATE, the operation, and nothing of the request. */
class ResilienceLogTest {

    @Test
    void a_retry_is_one_line_with_its_sqlstate_and_operation_without_secrets_or_customer_data() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(lines);
        DatabaseUrl database = TestPostgres.newDatabase();
        try (TcpProxy proxy = TcpProxy.to(TestPostgres.port())) {
            DatabaseUrl viaProxy = DatabaseUrl.parse("postgresql://postgres:s3cret-password@localhost:" + proxy.port()
                    + "/" + database.database() + "?sslmode=disable");
            try (Service service = TestService.startReady(viaProxy,
                    Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC))) {
                Http http = new Http(service.port());
                http.put("/api/courses/logged", TestApi.PINE_VALLEY, TestApi.admin());
                http.get("/api/courses/logged");
                proxy.dropAnswersAfter(TcpProxy.containing("insert into booking"), 1);

                Http.Answer booked = http.post("/api/courses/logged/bookings", "{\"start\": \"2026-12-05T07:00:00-05:00\", "
                        + "\"players\": 1, \"name\": \"Private Person\", \"email\": \"private.person@example.com\"}");

                assertThat(booked.status()).isEqualTo(201);
            }
        } finally {
            root.detachAppender(lines);
        }
        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).anySatisfy(line -> assertThat(line).matches(
                "Database operation failed \\(attempt 1/3\\), retrying in \\d+ms: 08006 [a-z ]+ \\[bookings\\.create]"));
        assertThat(String.join("\n", messages)).doesNotContain("Private Person", "private.person@example.com",
                "s3cret-password", TestService.ADMIN_TOKEN);
        assertThat(lines.list).noneMatch(event -> event.getThrowableProxy() != null
                && String.valueOf(event.getThrowableProxy().getMessage()).contains("private.person"));
    }
}
