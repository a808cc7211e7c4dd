package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Browser;
import dev.fairway.support.Http;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A full Saturday-style tee time, in Chromium with axe-core on every state: a signed-in golfer
 * joins the waitlist for it from the day's page; a cancellation frees it and the offer's link
 * opens the hold with its countdown, at desktop and phone size; the staff see the hold on the
 * sheet and the day's waitlist; the golfer books it from the hold.
 */
class HoldAndWaitlistPageIT {

    static final String COURSE = """
            {"name": "Waiting Park", "timeZone": "Etc/UTC", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
             "bookingWindowDays": 14, "waitlistOfferMinutes": 15, "weeklyHours": {%s}}
            """;

    @Test
    void a_golfer_waits_for_a_full_tee_time_and_books_it_from_the_offer() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        String nine = day + "T09:00:00Z";
        try (TestApi api = TestApi.start(); Browser browser = Browser.start("hold-and-waitlist")) {
            String everyDay = String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                    .map(d -> "\"" + d + "\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"12:00\"}]").toList());
            assertThat(api.putCourse("park", TestApi.object(COURSE.formatted(everyDay))).status()).isEqualTo(201);
            Http.Answer full = api.http.post("/api/courses/park/bookings", Http.json(Map.of("start", nine, "players", 4,
                    "name", "Four Friends")));
            assertThat(full.status()).as(full.body()).isEqualTo(201);
            String token = SignIns.signIn(api, "ann@example.com");
            assertThat(api.http.put("/api/me", "{\"name\": \"Ann Smith\"}", SignIns.bearer(token)).status()).isEqualTo(200);
            String site = "http://localhost:" + api.service.port();

            browser.open(site + "/");
            ((JavascriptExecutor) browser.driver()).executeScript("localStorage.setItem('fairway.golferToken', arguments[0]);"
                    + "localStorage.setItem('fairway.golfer', arguments[1]);", token,
                    "{\"email\": \"ann@example.com\", \"name\": \"Ann Smith\"}");
            browser.open(site + "/?course=park&date=" + day + "&players=2");
            browser.await("the day", d -> browser.find(By.cssSelector("#tee-times [data-start='" + nine + "']")) != null);
            browser.await("the waitlist form", ExpectedConditions.visibilityOfElementLocated(By.id("waitlist-form")));
            new Select(browser.find(By.id("waitlist-from"))).selectByValue("09:00");
            new Select(browser.find(By.id("waitlist-until"))).selectByValue("09:10");
            browser.find(By.id("waitlist-join")).click();
            browser.await("joined", d -> browser.find(By.id("my-waitlist")).getText().contains("Waiting"));
            assertThat(browser.find(By.id("waitlist-message")).getText()).contains("You are on the waitlist", "09:00 to 09:10");
            browser.screenshot("joined");

            assertThat(api.http.delete("/api/bookings/" + full.json().path("id").asText(), TestApi.admin()).status())
                    .isEqualTo(204);
            browser.await("the offer", Duration.ofSeconds(60), d -> !api.db.strings(
                    "select hold_id from waitlist_entry where status = 'offered'").isEmpty());
            String hold = api.db.strings("select hold_id from waitlist_entry").getFirst();
            assertThat(api.db.strings("select body_text from email where kind = 'offer'")).singleElement().asString()
                    .contains("/?hold=" + hold, "Hello Ann Smith");

            browser.open(site + "/?hold=" + hold);
            browser.await("the hold", ExpectedConditions.visibilityOfElementLocated(By.id("hold-form")));
            assertThat(browser.find(By.id("hold-text")).getText()).contains("09:00", "Waiting Park", "2 players");
            assertThat(browser.find(By.id("hold-left")).getText()).containsPattern("Held for you until \\d\\d:\\d\\d: 1[45]:\\d\\d left");
            assertThat(browser.find(By.id("hold-name")).getAttribute("value")).isEqualTo("Ann Smith");
            browser.screenshot("hold");
            browser.resize(Browser.PHONE);
            browser.screenshot("hold-phone");
            browser.resize(Browser.DESKTOP);

            browser.open(site + "/staff?course=park&date=" + day);
            browser.find(By.id("token")).sendKeys(TestService.ADMIN_TOKEN);
            browser.find(By.id("sign-in-button")).click();
            browser.await("the sheet", d -> browser.find(By.id("tee-sheet")).getText().contains("on hold until"));
            assertThat(browser.find(By.id("tee-sheet")).getText()).contains("2 held", "Ann Smith");
            assertThat(browser.find(By.id("waitlist")).getText())
                    .contains("Ann Smith (ann@example.com) · 2 players", "between 09:00 and 09:10", "offered a tee time");
            scroll(browser, browser.find(By.cssSelector("#tee-sheet [data-start='" + nine + "']")));
            browser.screenshot("staff-hold");
            scroll(browser, browser.find(By.id("waitlist")));
            browser.screenshot("staff-waitlist");

            browser.open(site + "/?hold=" + hold);
            browser.await("the hold", ExpectedConditions.visibilityOfElementLocated(By.id("hold-form")));
            browser.find(By.id("hold-confirm")).click();
            browser.await("booked", ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(browser.find(By.id("confirmation-text")).getText()).startsWith("Booked:").contains("09:00", "2 players");
            browser.await("the entry booked", d -> browser.find(By.id("my-waitlist")).getText().contains("Booked"));
            assertThat(api.db.strings("select status from waitlist_entry")).containsExactly("booked");
            browser.screenshot("booked");
        }
    }

    private static void scroll(Browser browser, org.openqa.selenium.WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
