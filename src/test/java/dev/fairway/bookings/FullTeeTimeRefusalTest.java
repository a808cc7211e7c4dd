package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The release morning's line (bench/release): a booking of a tee time that is already full is
 * refused from what the database has committed, without waiting on the tee time's row. Before,
 * every such booking locked the row, so on a hot tee time each waited behind all the others,
 * holding a pooled connection, until the reads of the whole instance ran out of connections and
 * answered 503. Here another transaction holds the full tee time's row for the whole test.
 */
class FullTeeTimeRefusalTest {

    static final String START = "2026-12-05T10:00:00-05:00";
    static DatabaseUrl database;
    static Service service;
    static Http http;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        service = TestService.startReady(database, TestApi.EXAMPLE_CLOCK);
        http = new Http(service.port());
        assertThat(http.put("/api/courses/pine-valley", TestApi.PINE_VALLEY, TestApi.admin()).status()).isEqualTo(201);
        Http.Answer limited = http.put("/api/courses/limited", TestApi.PINE_VALLEY.replaceFirst("\\{",
                "{\"bookingClasses\": [{\"name\": \"public\", \"bookingWindowDays\": 14, \"maxBookingsPerDay\": 2}], "),
                TestApi.admin());
        assertThat(limited.status()).as(limited.body()).isEqualTo(201);
        for (String course : new String[] {"pine-valley", "limited"}) {
            Http.Answer filled = http.post("/api/courses/" + course + "/bookings",
                    "{\"start\": \"" + START + "\", \"players\": 4, \"name\": \"Four\", \"email\": \"four@example.com\"}");
            assertThat(filled.status()).as(filled.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"pine-valley, without a key", "pine-valley, with a key", "limited, without a key",
            "limited, with a key"})
    void a_booking_of_a_full_tee_time_is_refused_at_once_while_another_transaction_holds_its_row(String course,
                                                                                                 String keyed)
            throws Exception {
        String[] key = keyed.equals("with a key") ? new String[] {"Idempotency-Key", "full-" + course} : new String[0];
        try (Connection holder = new Db(database).connect()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select * from tee_time for update");

            Http.Answer answer = http.post("/api/courses/" + course + "/bookings",
                    "{\"start\": \"" + START + "\", \"players\": 1, \"name\": \"Late\", \"email\": \"late@example.com\"}",
                    key);

            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().path("type").asText()).endsWith("/full");
            assertThat(answer.json().path("detail").asText()).contains("is full");
            holder.rollback();
        }
        if (key.length > 0) {
            Http.Answer again = http.post("/api/courses/" + course + "/bookings",
                    "{\"start\": \"" + START + "\", \"players\": 1, \"name\": \"Late\", \"email\": \"late@example.com\"}",
                    key);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.header("Idempotent-Replayed")).as("the refusal was stored under the key").isEqualTo("true");
        }
    }
}
