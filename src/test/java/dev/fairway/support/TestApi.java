package dev.fairway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.MailSettings;
import dev.fairway.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A running Fairway on a fresh database, with an HTTP client and direct SQL access, for API tests. */
public final class TestApi implements AutoCloseable {

    /** The example course of the contract (API.md), as a request body. */
    public static final String PINE_VALLEY = """
            {
              "name": "Pine Valley",
              "timeZone": "America/New_York",
              "teeTimeIntervalMinutes": 10,
              "maxPlayersPerTeeTime": 4,
              "bookingWindowDays": 14,
              "minNoticeMinutes": 30,
              "cancellationCutoffMinutes": 120,
              "currency": "USD",
              "weeklyHours": {
                "MONDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "17:00"}],
                "SATURDAY": [{"firstTeeTime": "06:30", "lastTeeTime": "11:00"},
                             {"firstTeeTime": "12:00", "lastTeeTime": "16:30"}]
              },
              "dateOverrides": [
                {"date": "2026-12-25", "hours": []},
                {"date": "2026-12-24", "hours": [{"firstTeeTime": "08:00", "lastTeeTime": "12:00"}],
                 "teeTimeIntervalMinutes": 12}
              ],
              "rates": [
                {"name": "Twilight", "days": ["SATURDAY", "SUNDAY"], "from": "14:00", "until": "23:59",
                 "pricePerPlayer": "35.00"},
                {"name": "Standard", "from": "00:00", "until": "23:59", "pricePerPlayer": "60.00"}
              ]
            }
            """;

    /** The clock of tests on the contract's example course: Tuesday 2026-12-01 09:00 in New York, standing still. */
    public static final Clock EXAMPLE_CLOCK = Clock.fixed(
            OffsetDateTime.parse("2026-12-01T09:00:00-05:00").toInstant(), ZoneOffset.UTC);

    public final DatabaseUrl database;
    public final Service service;
    public final Http http;
    public final Db db;

    private TestApi(DatabaseUrl database, Service service) {
        this.database = database;
        this.service = service;
        this.http = new Http(service.port());
        this.db = new Db(database);
    }

    public static TestApi start() {
        return start(Clock.systemUTC());
    }

    public static TestApi start(Clock clock) {
        DatabaseUrl database = TestPostgres.newDatabase();
        return new TestApi(database, TestService.startReady(database, clock));
    }

    /** A service that sends email as {@code mail} says. */
    public static TestApi start(Clock clock, MailSettings mail) {
        DatabaseUrl database = TestPostgres.newDatabase();
        return new TestApi(database, TestService.startReady(TestService.settings(database).withMail(mail), clock));
    }

    /** A service on a new database with {@code settings} changed as {@code change} says (its database kept). */
    public static TestApi start(Clock clock, java.util.function.UnaryOperator<dev.fairway.config.Settings> change) {
        DatabaseUrl database = TestPostgres.newDatabase();
        return new TestApi(database, TestService.startReady(change.apply(TestService.settings(database)), clock));
    }

    /** Another instance on this one's database, sending email as {@code mail} says. */
    public TestApi beside(MailSettings mail) {
        return new TestApi(database, TestService.startReady(TestService.settings(database).withMail(mail),
                Clock.systemUTC()));
    }

    /** Another instance on this one's database, on {@code clock}. */
    public TestApi beside(Clock clock) {
        return new TestApi(database, TestService.startReady(database, clock));
    }

    /** A service on {@link #EXAMPLE_CLOCK} with the contract's example course stored as "pine-valley". */
    public static TestApi startWithPineValley() {
        TestApi api = start(EXAMPLE_CLOCK);
        api.putCourse("pine-valley", pineValley());
        return api;
    }

    /** The Authorization header of admin calls, as header name and value. */
    public static String[] admin() {
        return new String[] {"Authorization", "Bearer " + TestService.ADMIN_TOKEN};
    }

    public static ObjectNode pineValley() {
        return object(PINE_VALLEY);
    }

    public static ObjectNode object(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Http.Answer putCourse(String id, JsonNode body) {
        return http.put("/api/courses/" + id, body.toString(), admin());
    }

    @Override
    public void close() {
        service.close();
    }
}
