package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ?date=2026-12-04} answered today's tee times: the parameter was unknown and ignored.
 * Now every {@code /api/} operation takes the query parameters {@code openapi.yaml} lists for it,
 * and {@code date} is one of availability's.
 */
class UnknownQueryParameterTest {

    static final String AVAILABILITY = "/api/courses/pine-valley/availability";
    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.startWithPineValley();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void an_unknown_query_parameter_is_a_400_naming_it_not_silently_ignored() {
        Http.Answer answer = api.http.get(AVAILABILITY + "?day=2026-12-04");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains("'day'").contains("from, holes, players, tee, to");
    }

    @Test
    void every_unknown_parameter_is_named() {
        Http.Answer answer = api.http.get(AVAILABILITY + "?from=2026-12-04&size=2&page=1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("'page', 'size'");
    }

    @Test
    void date_asks_for_one_day_as_from_and_to_do() {
        Http.Answer byDate = api.http.get(AVAILABILITY + "?date=2026-12-04&players=2");
        Http.Answer byRange = api.http.get(AVAILABILITY + "?from=2026-12-04&to=2026-12-04&players=2");

        assertThat(byDate.status()).as(byDate.body()).isEqualTo(200);
        assertThat(byDate.json().path("days")).hasSize(1);
        assertThat(byDate.json().path("days").path(0).path("date").asText()).isEqualTo("2026-12-04");
        assertThat(byDate.json()).isEqualTo(byRange.json());
    }

    @Test
    void date_with_from_or_to_is_a_400() {
        for (String query : new String[] {"?date=2026-12-04&from=2026-12-04", "?date=2026-12-04&to=2026-12-05"}) {
            Http.Answer answer = api.http.get(AVAILABILITY + query);

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).as(query).contains("date").contains("from");
        }
    }

    @Test
    void an_operation_without_query_parameters_refuses_any_and_changes_nothing() {
        Http.Answer answer = api.http.post("/api/courses/pine-valley/bookings?notify=false",
                "{\"start\": \"2026-12-05T10:00:00-05:00\", \"players\": 1, \"name\": \"Query\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("'notify'").contains("takes no query parameters");
        assertThat(api.db.count("select count(*) from booking")).isZero();
    }

    @Test
    void the_admin_token_check_still_comes_first() {
        Http.Answer anonymous = api.http.get("/api/courses/pine-valley/bookings?date=2026-12-05&sort=name");
        Http.Answer admin = api.http.get("/api/courses/pine-valley/bookings?date=2026-12-05&sort=name", TestApi.admin());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.json().path("detail").asText()).contains("'sort'").contains("it takes date");
    }

    @Test
    void the_known_parameters_of_an_admin_operation_are_accepted() {
        assertThat(api.http.get("/api/outbox?status=pending", TestApi.admin()).status()).isEqualTo(200);
        assertThat(api.http.get("/api/courses/pine-valley/blocks?from=2026-12-05&to=2026-12-06", TestApi.admin())
                .status()).isEqualTo(200);
    }
}
