package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Browser;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The first hour at a course, as issue 24's tryout went, in Chromium at desktop and phone sizes with
 * axe-core on every state: today's page opens at the next bookable tee time, tiles say what they
 * mean for the party asked, sign-in says why it is not there, email is marked needed when it is,
 * refusals are sentences, cancelling asks first and the price is on the confirmation; the staff
 * book a caller, see which bookings a block covers in a message that stays, and change the course's
 * settings with a refusal shown beside its field.
 */
class FirstHourPageIT {

    @Test
    void a_golfer_meets_today_in_plain_words_and_the_staff_run_the_course_from_the_page() {
        // A course whose clock reads about midday now, whenever the test runs: half its day is gone.
        int utcHour = ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour + 12, 24) - 12;
        String zone = offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        ZoneId courseZone = ZoneId.of(zone);
        try (TestApi api = TestApi.start(); Browser browser = Browser.start("first-hour")) {
            Http.Answer put = api.putCourse("links", TestApi.object("""
                    {"name": "Links at Noon", "timeZone": "%s", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
                     "bookingWindowDays": 14, "weeklyHours": {%s},
                     "rates": [{"name": "Standard", "from": "00:00", "until": "23:59", "pricePerPlayer": "60.00"}],
                     "bookingClasses": [{"name": "public", "bookingWindowDays": 14, "maxBookingsPerDay": 1}]}
                    """.formatted(zone, everyDay())));
            assertThat(put.status()).as(put.body()).isEqualTo(201);
            LocalDate today = LocalDate.now(courseZone);
            List<JsonNode> open = openTeeTimes(api, today);
            assertThat(open).as("this afternoon's open tee times").hasSizeGreaterThan(6);
            String twoBooked = open.get(1).path("start").asText();
            String blocked = open.get(2).path("start").asText();
            staffBook(api, twoBooked, 2, "Early Pair");
            assertThat(api.http.post("/api/courses/links/blocks", Http.json(Map.of("start", blocked,
                    "end", open.get(3).path("start").asText(), "reason", "Aeration")), TestApi.admin()).status())
                    .isEqualTo(201);
            String site = "http://localhost:" + api.service.port();

            // A party of 4 opens today: what is gone is folded, the first tile shown is bookable.
            browser.open(site + "/?course=links&players=4");
            browser.await("today", d -> today.toString().equals(browser.find(By.id("tee-times")).getAttribute("data-date")));
            WebElement earlier = browser.find(By.id("earlier-tee-times"));
            assertThat(earlier.isDisplayed()).isTrue();
            assertThat(earlier.getText()).startsWith("Show the ").contains("earlier tee times");
            List<WebElement> shown = browser.findAll(By.cssSelector("#tee-times li.tee-time")).stream()
                    .filter(WebElement::isDisplayed).toList();
            assertThat(shown.getFirst().getAttribute("data-status")).isEqualTo("open");
            // (statuses are shown in capitals: compared in lower case)
            assertThat(item(browser, twoBooked).getText().toLowerCase()).as("2 booked of 4, asked for 4")
                    .contains("room for 2 only", "too few spots for 4").doesNotContain("full");
            assertThat(item(browser, blocked).getText().toLowerCase()).contains("closed by the course")
                    .doesNotContain("spots left");
            assertThat(browser.find(By.id("sign-in-unavailable")).isDisplayed()).as("no SMTP: said so").isTrue();
            assertThat(browser.find(By.id("sign-in-form")).isDisplayed()).isFalse();
            browser.screenshot("today-folded");
            browser.resize(Browser.PHONE);
            browser.screenshot("today-folded-phone");
            browser.resize(Browser.DESKTOP);
            earlier.click();
            browser.await("the earlier ones shown", d -> browser.find(By.id("earlier-tee-times")).getText().startsWith("Hide"));
            browser.screenshot("today-unfolded");

            // Two players book: the class limits bookings, so the email is needed, and said so.
            new Select(browser.find(By.id("players"))).selectByValue("2");
            browser.await("2 players", d -> "2".equals(browser.find(By.id("tee-times")).getAttribute("data-players")));
            String first = open.get(4).path("start").asText();
            item(browser, first).findElement(By.tagName("button")).click();
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            assertThat(browser.find(By.id("email-label")).getText()).contains("needed");
            browser.find(By.id("name")).sendKeys("Dana Park");
            browser.find(By.id("book")).click();
            assertThat(browser.await("the email asked for", ExpectedConditions.visibilityOfElementLocated(By.id("booking-error")))
                    .getText()).contains("Please enter your email");
            browser.find(By.id("email")).sendKeys("dana@example.com");
            browser.screenshot("booking-form");
            browser.find(By.id("book")).click();
            WebElement confirmation = browser.await("the confirmation",
                    ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(browser.find(By.id("confirmation-price")).getText()).contains("Price:", "120.00", "60.00");
            assertThat(confirmation.getText()).contains("Keep this link");
            browser.screenshot("confirmed");

            // A second booking that day: refused in a sentence, not the field's name.
            String second = open.get(5).path("start").asText();
            item(browser, second).findElement(By.tagName("button")).click();
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            browser.find(By.id("book")).click();
            WebElement refusal = browser.await("the refusal", ExpectedConditions.visibilityOfElementLocated(By.id("message")));
            assertThat(refusal.getText()).contains("You may book 1 tee time a day here", "Cancel one")
                    .doesNotContain("maxBookingsPerDay");
            browser.screenshot("refused-in-words");

            // Cancelling asks first; a cancelled booking no longer says to keep its link.
            browser.find(By.id("cancel-booking")).click();
            browser.await("asked first", ExpectedConditions.visibilityOfElementLocated(By.id("cancel-dialog")));
            assertThat(browser.find(By.id("cancel-question")).getText()).contains("2 players");
            browser.screenshot("cancel-asked");
            browser.find(By.id("cancel-yes")).click();
            browser.await("cancelled", d -> browser.find(By.id("confirmation-text")).getText().startsWith("Cancelled"));
            assertThat(browser.find(By.id("keep-link")).isDisplayed()).isFalse();
            browser.resize(Browser.PHONE);
            browser.screenshot("cancelled-phone");
            browser.resize(Browser.DESKTOP);

            // A day beyond the window is not moved silently: it is shown, and why it cannot be booked.
            String far = today.plusDays(20).toString();
            browser.open(site + "/?course=links&players=1&date=" + far);
            browser.await("the far day", d -> far.equals(browser.find(By.id("tee-times")).getAttribute("data-date")));
            assertThat(browser.find(By.id("date-note")).getText()).contains("more than 14 days ahead");
            browser.screenshot("beyond-the-window");

            // The staff: a caller booked, a block's bookings named in a message that stays, settings changed.
            browser.open(site + "/staff?course=links&date=" + today);
            browser.find(By.id("token")).sendKeys(TestService.ADMIN_TOKEN);
            browser.find(By.id("sign-in-button")).click();
            browser.await("the phone-in form", ExpectedConditions.visibilityOfElementLocated(By.id("phone-form")));
            String called = open.get(6).path("start").asText();
            browser.await("its tee times", d -> !new Select(browser.find(By.id("phone-start"))).getOptions().isEmpty());
            new Select(browser.find(By.id("phone-start"))).selectByValue(called);
            new Select(browser.find(By.id("phone-players"))).selectByValue("3");
            browser.find(By.id("phone-name")).sendKeys("Caller Smith");
            browser.find(By.id("phone-book")).click();
            browser.await("booked", d -> browser.find(By.id("message")).getText().startsWith("Booked"));
            assertThat(browser.find(By.id("message")).getText()).contains("Caller Smith", "3 players");
            browser.await("on the sheet", d -> browser.find(By.id("tee-sheet")).getText().contains("Caller Smith"));
            browser.screenshot("staff-phone-in");

            new Select(browser.find(By.id("block-from"))).selectByValue(called);
            browser.find(By.id("block-reason")).sendKeys("Frost delay");
            browser.find(By.id("add-block")).click();
            browser.await("the block's warning", d -> browser.find(By.id("message")).getText().contains("covers 1 booking"));
            browser.await("the day shown again", d -> browser.find(By.id("blocks")).getText().contains("Frost delay"));
            assertThat(browser.find(By.id("message")).getText()).as("the message outlives the reload that follows it")
                    .contains("Caller Smith", "call them");
            browser.screenshot("staff-block-warning");
            browser.resize(Browser.PHONE);
            browser.screenshot("staff-block-warning-phone");
            browser.resize(Browser.DESKTOP);

            WebElement saturday = browser.find(By.id("setting-weeklyHours.SATURDAY"));
            saturday.clear();
            saturday.sendKeys("11:00-07:00");
            browser.find(By.cssSelector("#settings button[type=submit]")).click();
            browser.await("the field's refusal", d -> "true".equals(browser.find(By.id("setting-weeklyHours.SATURDAY"))
                    .getAttribute("aria-invalid")));
            assertThat(browser.find(By.id("setting-weeklyHours.SATURDAY-error")).getText()).contains("weeklyHours.SATURDAY");
            browser.screenshot("settings-refused");
            saturday = browser.find(By.id("setting-weeklyHours.SATURDAY"));
            saturday.clear();
            saturday.sendKeys("07:00-11:00");
            WebElement window = browser.find(By.id("setting-bookingWindowDays"));
            window.clear();
            window.sendKeys("10");
            browser.find(By.cssSelector("#settings button[type=submit]")).click();
            browser.await("saved", d -> browser.findAll(By.cssSelector("#settings .banner")).stream()
                    .anyMatch(banner -> banner.getText().startsWith("Saved")));
            JsonNode stored = api.http.get("/api/courses/links").json();
            assertThat(stored.path("bookingWindowDays").asInt()).isEqualTo(10);
            assertThat(stored.path("weeklyHours").path("SATURDAY").get(0).path("lastTeeTime").asText()).isEqualTo("11:00");
            browser.screenshot("settings-saved");
            assertThat(browser.audits()).isGreaterThanOrEqualTo(14);
        }
    }

    private static void staffBook(TestApi api, String start, int players, String name) {
        Http.Answer booked = api.http.post("/api/courses/links/bookings", Http.json(Map.of("start", start, "players", players,
                "name", name)), "Content-Type", "application/json", TestApi.admin()[0], TestApi.admin()[1]);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    }

    private static List<JsonNode> openTeeTimes(TestApi api, LocalDate day) {
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode teeTime : api.http.get("/api/courses/links/availability?date=" + day).json().path("days").get(0)
                .path("teeTimes")) {
            if (teeTime.path("status").asText().equals("open")) {
                open.add(teeTime);
            }
        }
        return open;
    }

    private static String everyDay() {
        return String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> "\"" + day + "\": [{\"firstTeeTime\": \"06:00\", \"lastTeeTime\": \"20:00\"}]").toList());
    }

    private static WebElement item(Browser browser, String start) {
        return browser.find(By.cssSelector("#tee-times li[data-start='" + start + "']"));
    }
}
