package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Browser;
import dev.fairway.support.SettableClock;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A day that opens by a draw, on the golfers' page in Chromium with axe-core on every state: the
 * panel says until when entries are taken, a signed-in golfer enters with two tee times in order
 * (desktop and phone), and after the draw sees the outcome and how to check the draw.
 */
class DrawPageIT {

    static final String COURSE = """
            {"name": "Draw Links", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
             "maxPlayersPerTeeTime": 4, "bookingWindowDays": 14,
             "weeklyHours": {"SATURDAY": [{"firstTeeTime": "07:00", "lastTeeTime": "09:00"}]},
             "bookingClasses": [{"name": "public", "bookingWindowDays": 7, "releaseTime": "19:00",
                                 "releaseMode": "draw", "drawEntryHours": 48}]}
            """;

    @Test
    void a_golfer_enters_the_draw_and_sees_its_outcome_and_how_to_check_it() {
        SettableClock clock = new SettableClock(OffsetDateTime.parse("2026-12-04T09:00:00-05:00").toInstant());
        try (TestApi api = TestApi.start(clock); Browser browser = Browser.start("draw")) {
            assertThat(api.putCourse("draw-links", TestApi.object(COURSE)).status()).isEqualTo(201);
            String token = SignIns.signIn(api, "ann@example.com");
            String site = "http://localhost:" + api.service.port();
            browser.open(site + "/");
            ((JavascriptExecutor) browser.driver()).executeScript("localStorage.setItem('fairway.golferToken', arguments[0]);"
                    + "localStorage.setItem('fairway.golfer', arguments[1]);", token,
                    "{\"email\": \"ann@example.com\", \"name\": \"Ann Smith\"}");
            browser.open(site + "/?course=draw-links&date=2026-12-12&players=2");
            browser.await("the draw", ExpectedConditions.visibilityOfElementLocated(By.id("draw-form")));
            assertThat(browser.find(By.id("draw-when")).getText())
                    .contains("open by a draw Saturday 19:00", "not to the fastest click");
            new Select(browser.find(By.id("draw-choice-0"))).selectByVisibleText("07:10");
            new Select(browser.find(By.id("draw-choice-1"))).selectByVisibleText("07:00");
            browser.find(By.id("draw-enter")).click();
            browser.await("entered", ExpectedConditions.textToBePresentInElementLocated(By.id("draw-message"),
                    "You are in the draw"));
            assertThat(browser.find(By.id("draw-entry")).getText()).contains("2 players", "07:10, 07:00");
            browser.find(By.cssSelector("#draw-fairness summary")).click();
            assertThat(browser.find(By.id("draw-check")).getText()).contains("SHA-256 is");
            browser.screenshot("entered");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('draw').scrollIntoView()");
            browser.screenshot("entered-phone");
            browser.resize(Browser.DESKTOP);

            clock.set(OffsetDateTime.parse("2026-12-05T19:00:01-05:00").toInstant());
            browser.await("the draw done", Duration.ofSeconds(30),
                    // This day's draw: the page's first day (today) may have had an empty draw of its own.
                    d -> api.db.count("select count(*) from draw where date = '2026-12-12' and status = 'done'") == 1);
            browser.open(site + "/?course=draw-links&date=2026-12-12&players=2");
            browser.await("the outcome", ExpectedConditions.textToBePresentInElementLocated(By.id("draw-entry"),
                    "You won a tee time"));
            assertThat(browser.find(By.id("draw-when")).getText()).contains("drawn Saturday 19:00 among 1 entry");
            browser.find(By.cssSelector("#draw-fairness summary")).click();
            assertThat(browser.find(By.id("draw-check")).getText()).contains("verify-draw", "HMAC-SHA256");
            assertThat(browser.find(By.id("draw-results")).getText()).contains("1. entry", "won");
            browser.await("my booking", d -> browser.find(By.id("my-bookings")).getText().contains("07:10"));
            browser.screenshot("drawn");
        }
    }
}
