package dev.fairway.golfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.support.Http;
import dev.fairway.support.ShiftedClock;
import dev.fairway.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release on a clock that ticks: nothing runs at the release instant, and still a booking a
 * second before it is refused and one at it is booked.
 */
class ReleaseOnRealClockTest {

    static final Instant RELEASE = OffsetDateTime.parse("2026-12-04T07:00:00-05:00").toInstant();
    static final ShiftedClock clock = new ShiftedClock();
    static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(clock);
        Http.Answer put = api.putCourse("dawn", TestApi.object("""
                {"name": "Dawn", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
                 "weeklyHours": {"SATURDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "09:00"}]},
                 "bookingClasses": [{"name": "public", "bookingWindowDays": 8, "releaseTime": "07:00"}]}
                """));
        assertThat(put.status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Http.Answer book() {
        return api.http.post("/api/courses/dawn/bookings",
                "{\"start\": \"2026-12-12T07:00:00-05:00\", \"players\": 4, \"name\": \"Early Bird\"}");
    }

    @Test
    void a_booking_a_second_before_the_release_is_refused_and_one_at_the_release_books() {
        clock.readNow(RELEASE.minusMillis(1500));

        Http.Answer early = book();
        assertThat(clock.instant()).as("the request was answered before the release").isBefore(RELEASE);

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("releasesAt").asText()).isEqualTo("2026-12-04T07:00:00-05:00");
        await().atMost(Duration.ofSeconds(5)).until(() -> !clock.instant().isBefore(RELEASE));
        Http.Answer onTime = book();
        assertThat(onTime.status()).as(onTime.body()).isEqualTo(201);
    }
}
