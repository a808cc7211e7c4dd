package dev.fairway.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.config.MailSettings;
import dev.fairway.config.SmtpUrl;
import dev.fairway.support.Http;
import dev.fairway.support.MailServer;
import dev.fairway.support.TestApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Booking emails through a real SMTP server: what they say, and that each arrives once, whatever fails. */
class EmailDeliveryTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String PUBLIC_URL = "https://tee-times.example.com";

    /** A course open every day 07:00-17:00, every 10 minutes, 14 days ahead. */
    static ObjectNode everyDayCourse(String zone) {
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.append(hours.isEmpty() ? "" : ", ")
                    .append('"').append(day).append("\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"17:00\"}]");
        }
        return TestApi.object("""
                {"name": "Pine Valley", "timeZone": "%s", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
                 "bookingWindowDays": 14, "minNoticeMinutes": 30, "cancellationCutoffMinutes": 120, "currency": "USD",
                 "weeklyHours": {%s},
                 "rates": [{"name": "Standard", "from": "00:00", "until": "23:59", "pricePerPlayer": "60.00"}]}
                """.formatted(zone, hours));
    }

    static MailSettings sendingTo(MailServer smtp) {
        return new MailSettings(Optional.of(SmtpUrl.parse(smtp.url())), "Pine Valley <tee-times@example.com>",
                URI.create(PUBLIC_URL));
    }

    /** The {@code n}th tee time (from 0) two days from now, in New York. */
    static Instant teeTime(int n) {
        LocalDate day = LocalDate.now(NEW_YORK).plusDays(2);
        return day.atTime(LocalTime.of(7, 0).plusMinutes(10L * n)).atZone(NEW_YORK).toInstant();
    }

    static Http.Answer book(TestApi api, Instant start, int players, String name, String email) {
        String startText = OffsetDateTime.ofInstant(start, NEW_YORK).toString();
        Map<String, Object> body = email == null
                ? Map.of("start", startText, "players", players, "name", name)
                : Map.of("start", startText, "players", players, "name", name, "email", email);
        Http.Answer answer = api.http.post("/api/courses/pine-valley/bookings", Http.json(body),
                "Content-Type", "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    static JsonNode outbox(TestApi api, String status) {
        Http.Answer answer = api.http.get("/api/outbox" + (status == null ? "" : "?status=" + status), TestApi.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void a_confirmation_arrives_with_the_tee_time_its_link_and_a_calendar_file_whose_dtstart_is_the_tee_time()
            throws Exception {
        try (MailServer smtp = MailServer.start();
             TestApi api = TestApi.start(Clock.systemUTC(), sendingTo(smtp))) {
            api.putCourse("pine-valley", everyDayCourse("America/New_York"));
            Instant start = teeTime(3);
            String id = book(api, start, 3, "Ann Smith", "ann@example.com").json().get("id").asText();

            MailServer.Received mail = smtp.await(1, Duration.ofSeconds(10)).get(0);
            assertThat(mail.recipient()).isEqualTo("ann@example.com");
            assertThat(Emails.subject(mail)).startsWith("Your tee time at Pine Valley: ");
            assertThat(mail.messageId()).isEqualTo("<" + id + "-confirmed@tee-times.example.com>");
            String text = Emails.text(mail);
            String local = start.atZone(NEW_YORK).toLocalTime().toString();
            assertThat(text).contains("Pine Valley", local, "Players: 3", "USD 180.00",
                    PUBLIC_URL + "/?booking=" + id, "America/New_York");

            assertThat(Emails.calendarPart(mail).getContentType()).startsWith("text/calendar").contains("method=REQUEST");
            Calendar calendar = Emails.calendar(mail);
            assertThat(Emails.property(calendar, "METHOD")).isEqualTo("REQUEST");
            VEvent event = Emails.event(calendar);
            assertThat(Emails.property(event, "UID")).isEqualTo(id + "@fairway");
            assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start);
            assertThat(Instant.from(event.getDateTimeEnd().getDate())).isEqualTo(start.plus(Duration.ofHours(4)));
            assertThat(Emails.property(event, "SUMMARY")).contains("Pine Valley", "3 players");
            assertThat(Emails.property(event, "URL")).isEqualTo(PUBLIC_URL + "/?booking=" + id);
            assertThat(Emails.calendarText(mail)).contains("DTSTART:" + start.toString().replace("-", "").replace(":", ""));
        }
    }

    @Test
    void on_a_dst_day_the_calendar_files_dtstart_is_the_tee_times_instant() throws Exception {
        // Friday 2027-03-12 in New York; Sunday the 14th springs forward at 02:00, so 07:00 is -04:00.
        Clock clock = Clock.fixed(Instant.parse("2027-03-12T15:00:00Z"), ZoneOffset.UTC);
        try (MailServer smtp = MailServer.start(); TestApi api = TestApi.start(clock, sendingTo(smtp))) {
            api.putCourse("pine-valley", everyDayCourse("America/New_York"));
            Instant sunday = OffsetDateTime.parse("2027-03-14T07:00:00-04:00").toInstant();
            Instant saturday = OffsetDateTime.parse("2027-03-13T07:00:00-05:00").toInstant();
            book(api, saturday, 1, "Before", "before@example.com");
            book(api, sunday, 1, "After", "after@example.com");

            List<MailServer.Received> mails = smtp.await(2, Duration.ofSeconds(10));
            for (MailServer.Received mail : mails) {
                Instant expected = mail.recipient().startsWith("before") ? saturday : sunday;
                VEvent event = Emails.event(Emails.calendar(mail));
                assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(expected);
                assertThat(Emails.text(mail)).contains("07:00");
            }
            assertThat(Emails.calendarText(mails.stream().filter(m -> m.recipient().startsWith("after")).findFirst()
                    .orElseThrow())).contains("DTSTART:20270314T110000Z");
            assertThat(Emails.calendarText(mails.stream().filter(m -> m.recipient().startsWith("before")).findFirst()
                    .orElseThrow())).contains("DTSTART:20270313T120000Z");
        }
    }

    @Test
    void a_cancellation_arrives_with_method_cancel_the_same_uid_a_higher_sequence_and_calls_off_the_reminder()
            throws Exception {
        try (MailServer smtp = MailServer.start();
             TestApi api = TestApi.start(Clock.systemUTC(), sendingTo(smtp))) {
            api.putCourse("pine-valley", everyDayCourse("America/New_York"));
            String id = book(api, teeTime(5), 2, "Ann Smith", "ann@example.com").json().get("id").asText();
            MailServer.Received confirmation = smtp.await(1, Duration.ofSeconds(10)).get(0);
            // Once the confirmation has gone, the reminder waits for its time.
            await("the confirmation recorded as sent, the reminder scheduled").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox(api, "pending").findValuesAsText("subject").stream()
                            .allMatch(subject -> subject.startsWith("Reminder: ")) && outbox(api, "pending").size() == 1);

            assertThat(api.http.delete("/api/bookings/" + id).status()).isEqualTo(204);
            MailServer.Received cancellation = smtp.await(2, Duration.ofSeconds(10)).get(1);

            assertThat(Emails.subject(cancellation)).startsWith("Cancelled: ");
            assertThat(Emails.calendarPart(cancellation).getContentType()).contains("method=CANCEL");
            Calendar cancelled = Emails.calendar(cancellation);
            Calendar invited = Emails.calendar(confirmation);
            assertThat(Emails.property(cancelled, "METHOD")).isEqualTo("CANCEL");
            assertThat(Emails.property(Emails.event(cancelled), "UID"))
                    .isEqualTo(Emails.property(Emails.event(invited), "UID")).isEqualTo(id + "@fairway");
            assertThat(Integer.parseInt(Emails.property(Emails.event(cancelled), "SEQUENCE")))
                    .isGreaterThan(Integer.parseInt(Emails.property(Emails.event(invited), "SEQUENCE")));
            assertThat(Emails.property(Emails.event(cancelled), "STATUS")).isEqualTo("CANCELLED");
            assertThat(cancellation.messageId()).isNotEqualTo(confirmation.messageId());

            await("the cancellation recorded as sent").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox(api, "pending").isEmpty());
            assertThat(outbox(api, "cancelled")).hasSize(1);
            assertThat(outbox(api, "cancelled").get(0).get("subject").asText()).startsWith("Reminder: ");
            // Cancelling again sends nothing more.
            assertThat(api.http.delete("/api/bookings/" + id).status()).isEqualTo(204);
            assertThat(outbox(api, null)).hasSize(3);
        }
    }

    @Test
    void a_move_by_staff_arrives_as_the_same_event_with_a_higher_sequence_and_the_reminder_follows_the_new_time()
            throws Exception {
        try (MailServer smtp = MailServer.start();
             TestApi api = TestApi.start(Clock.systemUTC(), sendingTo(smtp))) {
            api.putCourse("pine-valley", everyDayCourse("America/New_York"));
            String id = book(api, teeTime(5), 2, "Ann Smith", "ann@example.com").json().get("id").asText();
            MailServer.Received confirmation = smtp.await(1, Duration.ofSeconds(10)).get(0);
            Instant later = teeTime(8);

            Http.Answer moved = api.http.send("PATCH", "/api/bookings/" + id,
                    Http.json(Map.of("start", OffsetDateTime.ofInstant(later, NEW_YORK).toString())),
                    "Authorization", TestApi.admin()[1], "Content-Type", "application/json");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            MailServer.Received change = smtp.await(2, Duration.ofSeconds(10)).get(1);

            assertThat(change.recipient()).isEqualTo("ann@example.com");
            assertThat(Emails.subject(change)).startsWith("Changed: ");
            assertThat(Emails.text(change)).contains("08:20").contains(PUBLIC_URL + "/?booking=" + id);
            VEvent updated = Emails.event(Emails.calendar(change));
            VEvent invited = Emails.event(Emails.calendar(confirmation));
            assertThat(Emails.property(Emails.calendar(change), "METHOD")).isEqualTo("REQUEST");
            assertThat(Emails.property(updated, "UID")).isEqualTo(Emails.property(invited, "UID")).isEqualTo(id + "@fairway");
            assertThat(Integer.parseInt(Emails.property(updated, "SEQUENCE")))
                    .isGreaterThan(Integer.parseInt(Emails.property(invited, "SEQUENCE")));
            assertThat(Emails.calendarText(change)).contains("DTSTART:" + later.toString().replace("-", "").replace(":", ""));
            assertThat(api.db.strings("select (due_at = ?::timestamptz - interval '24 hours')::text from email "
                    + "where booking_id = ? and kind = 'reminder' and status = 'pending'", later.toString(), id))
                    .containsExactly("true");

            // A note is the staff's own: the golfer is not told of it.
            assertThat(api.http.send("PATCH", "/api/bookings/" + id, "{\"notes\": \"cart 12\"}",
                    "Authorization", TestApi.admin()[1], "Content-Type", "application/json").status()).isEqualTo(200);
            assertThat(api.db.strings("select kind from email where booking_id = ? order by kind", id))
                    .containsExactly("change", "confirmation", "reminder");
        }
    }

    @Test
    void a_reminder_is_due_reminder_hours_before_the_tee_time_and_a_booking_made_later_than_that_gets_none()
            throws Exception {
        try (MailServer smtp = MailServer.start();
             TestApi api = TestApi.start(Clock.systemUTC(), sendingTo(smtp))) {
            ObjectNode course = everyDayCourse("America/New_York");
            course.put("reminderHoursBefore", 72);
            api.putCourse("pine-valley", course);
            Instant inTwoDays = teeTime(0);
            Instant inFiveDays = inTwoDays.plus(Duration.ofDays(3));
            String late = book(api, inTwoDays, 1, "Late", "late@example.com").json().get("id").asText();
            String early = book(api, inFiveDays, 1, "Early", "early@example.com").json().get("id").asText();
            smtp.await(2, Duration.ofSeconds(10));
            await("both confirmations recorded as sent").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox(api, "sent").size() == 2);

            assertThat(api.db.strings("select kind from email where booking_id = ? order by kind", late))
                    .containsExactly("confirmation");
            assertThat(api.db.strings("select kind || ' ' || status || ' ' || (due_at = ?::timestamptz - interval '72 hours') "
                    + "from email where booking_id = ? order by kind", inFiveDays.toString(), early))
                    .containsExactly("confirmation sent false", "reminder pending true");
        }
    }

    @Test
    void a_booking_without_an_email_address_writes_no_email_and_reminders_can_be_turned_off() {
        try (TestApi api = TestApi.start(Clock.systemUTC(), MailSettings.defaults())) {
            ObjectNode course = everyDayCourse("America/New_York");
            course.put("reminderHoursBefore", 0);
            api.putCourse("pine-valley", course);
            book(api, teeTime(0), 1, "No Address", null);
            book(api, teeTime(1), 1, "Ann", "ann@example.com");
            assertThat(api.db.strings("select kind from email")).containsExactly("confirmation");
        }
    }

    @Test
    void without_smtp_emails_wait_in_the_outbox_for_the_admin_and_the_service_stays_ready() {
        try (TestApi api = TestApi.start(Clock.systemUTC(), MailSettings.defaults())) {
            api.putCourse("pine-valley", everyDayCourse("America/New_York"));
            book(api, teeTime(0), 2, "Ann Smith", "ann@example.com");

            JsonNode pending = outbox(api, "pending");
            assertThat(pending).hasSize(1);
            JsonNode confirmation = pending.get(0);
            assertThat(confirmation.get("subject").asText()).startsWith("Your tee time at Pine Valley");
            assertThat(confirmation.get("to").asText()).isEqualTo("ann@example.com");
            assertThat(confirmation.get("status").asText()).isEqualTo("pending");
            assertThat(confirmation.get("attempts").asInt()).isZero();
            assertThat(confirmation.get("sentAt").isNull()).isTrue();
            // Without FAIRWAY_PUBLIC_URL, links go to the port the service listens on: they said 8080 whatever the port.
            assertThat(confirmation.get("text").asText())
                    .contains("Ann Smith", "http://localhost:" + api.service.port() + "/?booking=");
            assertThat(outbox(api, "sent")).isEmpty();

            Http.Answer ready = api.http.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/email/status").asText()).isEqualTo("NOT CONFIGURED");
        }
    }

    @Test
    void the_outbox_is_the_admins_and_an_unknown_status_is_a_400_naming_it() {
        try (TestApi api = TestApi.start(Clock.systemUTC(), MailSettings.defaults())) {
            assertThat(api.http.get("/api/outbox").status()).isEqualTo(401);
            Http.Answer bad = api.http.get("/api/outbox?status=lost", TestApi.admin());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("status");
        }
    }

    @Test
    void twenty_bookings_made_while_smtp_is_down_for_ten_seconds_each_get_their_email_once_when_it_is_back()
            throws Exception {
        try (MailServer smtp = MailServer.notStarted();
             TestApi api = TestApi.start(Clock.systemUTC(), sendingTo(smtp))) {
            ObjectNode course = everyDayCourse("America/New_York");
            course.put("reminderHoursBefore", 0);
            api.putCourse("pine-valley", course);
            long downSince = System.nanoTime();
            Set<String> addresses = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                book(api, teeTime(i), 1, "Golfer " + i, "golfer" + i + "@example.com");
                addresses.add("golfer" + i + "@example.com");
            }
            await("the worker found SMTP down").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox(api, "pending").findValues("attempts").stream().anyMatch(a -> a.asInt() >= 1));
            Http.Answer ready = api.http.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/email/status").asText()).isEqualTo("DOWN");
            assertThat(ready.json().at("/email/reason").asText()).contains("cannot be reached").doesNotContain("@");
            Thread.sleep(Math.max(0, Duration.ofSeconds(10).toMillis() - (System.nanoTime() - downSince) / 1_000_000));
            assertThat(smtp.received()).isEmpty();

            smtp.resume();
            List<MailServer.Received> received = smtp.await(20, Duration.ofSeconds(45));
            await("all 20 recorded as sent").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox(api, "sent").size() == 20);
            assertThat(smtp.received()).hasSize(20);
            assertThat(received.stream().map(MailServer.Received::recipient)).containsExactlyInAnyOrderElementsOf(addresses);
            assertThat(received.stream().map(MailServer.Received::messageId).distinct()).hasSize(20);
            assertThat(outbox(api, "pending")).isEmpty();
            await("readiness says email is up again").atMost(Duration.ofSeconds(10))
                    .until(() -> "UP".equals(api.http.get("/health/ready").json().at("/email/status").asText()));
        }
    }

    @Test
    void a_recipient_refused_with_550_fails_at_once_and_the_others_are_still_delivered() throws Exception {
        try (MailServer smtp = MailServer.start();
             TestApi api = TestApi.start(Clock.systemUTC(), sendingTo(smtp))) {
            ObjectNode course = everyDayCourse("America/New_York");
            course.put("reminderHoursBefore", 0);
            api.putCourse("pine-valley", course);
            smtp.refuse("nobody@example.com");
            List<String> recipients = List.of("ann@example.com", "nobody@example.com", "bob@example.com",
                    "cy@example.com");
            for (int i = 0; i < recipients.size(); i++) {
                book(api, teeTime(i), 1, "Golfer " + i, recipients.get(i));
            }
            List<MailServer.Received> received = smtp.await(3, Duration.ofSeconds(10));
            await("the refused email failed").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox(api, "failed").size() == 1);

            assertThat(received.stream().map(MailServer.Received::recipient))
                    .containsExactlyInAnyOrder("ann@example.com", "bob@example.com", "cy@example.com");
            JsonNode failed = outbox(api, "failed").get(0);
            assertThat(failed.get("to").asText()).isEqualTo("nobody@example.com");
            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
            assertThat(outbox(api, "pending")).isEmpty();
            assertThat(api.db.strings("select last_error from email where status = 'failed'").get(0))
                    .contains("550").doesNotContain("nobody");
        }
    }

    @Test
    void two_instances_on_one_database_with_one_smtp_server_send_every_email_once() throws Exception {
        try (MailServer smtp = MailServer.start();
             TestApi a = TestApi.start(Clock.systemUTC(), sendingTo(smtp));
             TestApi b = a.beside(sendingTo(smtp))) {
            ObjectNode course = everyDayCourse("America/New_York");
            course.put("reminderHoursBefore", 0);
            a.putCourse("pine-valley", course);
            smtp.stop(); // the emails pile up, and both workers go for them when SMTP is back
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(book(i % 2 == 0 ? a : b, teeTime(i), 1, "Golfer " + i, "golfer" + i + "@example.com")
                        .json().get("id").asText());
            }
            smtp.resume();
            List<MailServer.Received> received = smtp.await(40, Duration.ofSeconds(60));
            await("all 40 recorded as sent").atMost(Duration.ofSeconds(10))
                    .until(() -> outbox(a, "sent").size() == 40);
            assertThat(smtp.received()).hasSize(40);
            assertThat(received.stream().map(MailServer.Received::messageId).distinct()).hasSize(40);
            assertThat(ids).hasSize(40);
        }
    }
}
