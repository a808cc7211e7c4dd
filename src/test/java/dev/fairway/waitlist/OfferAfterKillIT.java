package dev.fairway.waitlist;

import static dev.fairway.support.FairwayProcess.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.FairwayProcess;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The jar, SIGKILLed in the middle of a waitlist offer (its hold taken, its transaction waiting on
 * the entry's row, which the test holds locked): nothing of the offer is left, and another
 * instance makes it, once, with one email.
 */
class OfferAfterKillIT {

    static final String COURSE = """
            {"name": "Waiting Park", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
             "maxPlayersPerTeeTime": 4, "bookingWindowDays": 14,
             "weeklyHours": {"MONDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}],
                             "TUESDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}],
                             "WEDNESDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}],
                             "THURSDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}],
                             "FRIDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}],
                             "SATURDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}],
                             "SUNDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "08:00"}]}}
            """;
    static final Pattern CODE = Pattern.compile("(?m)^([0-9]{6})$");

    @Test
    void an_instance_killed_while_offering_leaves_nothing_and_another_makes_the_one_offer_with_one_email()
            throws Exception {
        DatabaseUrl database = TestPostgres.newDatabase();
        Db db = new Db(database);
        int port = FairwayProcess.freePort();
        Http http = new Http(port);
        String day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(3).toString();
        String start = day + "T07:00:00" + ZoneId.of("America/New_York").getRules()
                .getOffset(LocalDate.parse(day).atTime(7, 0)).getId();
        try (FairwayProcess killed = FairwayProcess.start(Map.of("PORT", Integer.toString(port), "DATABASE_URL",
                FairwayProcess.rawUrl(TestPostgres.port(), database.database()), "FAIRWAY_ADMIN_TOKEN",
                TestService.ADMIN_TOKEN, "FAIRWAY_RATE_LIMIT", "off"), "serve")) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
            assertThat(http.put("/api/courses/waiting-park", COURSE, TestApi.admin()).status()).isEqualTo(201);
            String cancelled = book(http, start);
            book(http, start);
            String token = signIn(http, db, "waiter@example.com");
            Http.Answer joined = http.post("/api/courses/waiting-park/waitlist", "{\"date\": \"" + day
                    + "\", \"from\": \"07:00\", \"until\": \"07:10\", \"players\": 2}", "Authorization", "Bearer " + token);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            String entry = joined.json().path("id").asText();

            try (Connection lock = db.connect()) {
                lock.setAutoCommit(false);
                try (PreparedStatement select = lock.prepareStatement(
                        "select 1 from waitlist_entry where id = ? for update")) {
                    select.setString(1, entry);
                    select.executeQuery().close();
                }
                assertThat(http.delete("/api/bookings/" + cancelled).status()).isEqualTo(204);
                // The offer's transaction has taken the hold and waits for the entry's row.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> db.count(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                                + "and query like 'update waitlist_entry set status = ''offered''%'") == 1);
                ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly(); // SIGKILL: mid-offer
                killed.waitFor(seconds(10));
                lock.rollback();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from pg_stat_activity where query like 'update waitlist_entry%'") == 0);
            assertThat(db.count("select count(*) from hold")).as("the killed offer's hold was never committed").isZero();
            assertThat(db.count("select count(*) from email where kind = 'offer'")).isZero();
            assertThat(db.strings("select status from waitlist_entry")).containsExactly("waiting");
        }

        Service survivor = TestService.startReady(database, Clock.systemUTC());
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> db.strings("select status from waitlist_entry").equals(List.of("offered")));
            assertThat(db.count("select count(*) from hold")).isEqualTo(1);
            assertThat(db.strings("select hold_id from waitlist_entry"))
                    .isEqualTo(db.strings("select id from hold where status = 'held'"));
            assertThat(db.count("select count(*) from email where kind = 'offer'")).isEqualTo(1);
            assertThat(db.count("select held from tee_time where held > 0")).isEqualTo(2);
        } finally {
            survivor.close();
        }
    }

    private static String book(Http http, String start) {
        Http.Answer booked = http.post("/api/courses/waiting-park/bookings", "{\"start\": \"" + start
                + "\", \"players\": 2, \"name\": \"Walk-in\", \"email\": \"walkin@example.com\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().path("id").asText();
    }

    private static String signIn(Http http, Db db, String email) {
        assertThat(http.post("/api/sign-in", "{\"email\": \"" + email + "\"}").status()).isEqualTo(202);
        Matcher code = CODE.matcher(db.strings("select body_text from email where kind = 'sign-in'").getFirst());
        assertThat(code.find()).isTrue();
        Http.Answer verified = http.post("/api/sign-in/verify", "{\"email\": \"" + email + "\", \"code\": \""
                + code.group(1) + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json().path("token").asText();
    }
}
