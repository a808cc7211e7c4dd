package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.support.Http;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the probe of issue 23 made the server parse or write for free, and the headers private
 * answers lacked.
 */
class LargeInputsTest {

    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.startWithPineValley();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A public booking padded with a megabyte of {} cost 74 ms of CPU before any limit applied. */
    @Test
    void a_public_write_larger_than_16_kb_is_a_413_before_it_is_parsed_and_books_nothing() {
        String padded = "{\"start\": \"2026-12-05T07:30:00-05:00\", \"players\": 1, \"name\": \"A\", \"pad\": ["
                + "{},".repeat(333_000) + "{}]}";

        Http.Answer answer = api.http.post("/api/courses/pine-valley/bookings", padded, "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().path("type").asText()).endsWith("/body-too-large");
        assertThat(api.http.post("/api/courses/pine-valley/bookings", "{\"pad\": \"" + "x".repeat(17_000) + "\"}",
                "Content-Type", "application/json").status()).isEqualTo(413);
        assertThat(api.db.count("select count(*) from booking")).isZero();
    }

    @Test
    void a_course_may_still_be_sent_large_by_the_admin() {
        ObjectNode course = TestApi.pineValley();
        course.put("name", "Large");
        var overrides = course.putArray("dateOverrides");
        for (int day = 0; day < 365; day++) {
            overrides.addObject().put("date", java.time.LocalDate.of(2027, 1, 1).plusDays(day).toString())
                    .putArray("hours").addObject().put("firstTeeTime", "08:00").put("lastTeeTime", "12:00");
        }
        assertThat(course.toString().length()).isGreaterThan(16_384);

        assertThat(api.putCourse("large", course).status()).isEqualTo(201);
    }

    /** 31 days of a course with a tee time every minute made a 5.7 MB answer. */
    @Test
    void an_availability_range_of_more_than_10000_tee_times_is_a_400_naming_to() {
        ObjectNode everyMinute = TestApi.pineValley();
        everyMinute.put("teeTimeIntervalMinutes", 1);
        ObjectNode hours = everyMinute.putObject("weeklyHours");
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            hours.putArray(day).addObject().put("firstTeeTime", "00:00").put("lastTeeTime", "23:59");
        }
        everyMinute.putArray("dateOverrides");
        assertThat(api.putCourse("every-minute", everyMinute).status()).isEqualTo(201);

        Http.Answer month = api.http.get("/api/courses/every-minute/availability?from=2026-12-02&to=2026-12-31");
        Http.Answer week = api.http.get("/api/courses/every-minute/availability?from=2026-12-02&to=2026-12-07");

        assertThat(month.status()).isEqualTo(400);
        assertThat(month.json().path("detail").asText()).startsWith("from 2026-12-02 to 2026-12-31 holds 43200 tee times");
        assertThat(week.status()).isEqualTo(200);
    }

    @Test
    void private_answers_are_not_stored_nor_sniffed() {
        String token = SignIns.signIn(api, "priv@example.com");
        Http.Answer booked = api.http.post("/api/courses/pine-valley/bookings",
                "{\"start\": \"2026-12-05T09:30:00-05:00\", \"players\": 1}", "Content-Type", "application/json",
                "Authorization", "Bearer " + token);
        String id = booked.json().path("id").asText();
        for (Http.Answer answer : new Http.Answer[] {
                api.http.get("/api/me", SignIns.bearer(token)),
                api.http.get("/api/me/bookings", SignIns.bearer(token)),
                api.http.get("/api/bookings/" + id),
                booked}) {
            assertThat(answer.status()).isBetween(200, 201);
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }
}
