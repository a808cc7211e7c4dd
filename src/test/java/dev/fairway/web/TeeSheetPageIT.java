package dev.fairway.web;

import static dev.fairway.support.FairwayProcess.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.courses.DemoCourse;
import dev.fairway.support.Browser;
import dev.fairway.support.FairwayProcess;
import dev.fairway.support.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The tee-sheet and staff pages in a real headless Chromium, against the built jar serving the
 * demo course on its embedded database: what a golfer and the course staff do, step by step.
 */
class TeeSheetPageIT {

    private static final String TOKEN = "page-test-admin-token-0123456789";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path dataDir;

    @Test
    void a_golfer_books_and_cancels_sees_full_tee_times_and_the_staff_block_some() {
        int port = FairwayProcess.freePort();
        String site = "http://localhost:" + port;
        Map<String, String> environment = Map.of("PORT", Integer.toString(port), "FAIRWAY_DATA_DIR", dataDir.toString(),
                "FAIRWAY_ADMIN_TOKEN", TOKEN);
        try (FairwayProcess fairway = FairwayProcess.start(environment); Browser browser = Browser.start("tee-sheet")) {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.get("/api/courses").json().findValuesAsText("id"))
                            .containsExactly(DemoCourse.ID));
            LocalDate today = LocalDate.now(ZONE);
            LocalDate day = firstDayWithOpenTeeTimes(http, today.plusDays(1), 3);
            List<String> open = openTeeTimes(http, day);

            // The golfer's page opens on today's tee sheet of the demo course.
            browser.open(site + "/");
            browser.await("today's tee times", d -> today.toString().equals(dayShown(browser)));
            assertThat(new Select(browser.find(By.id("course"))).getFirstSelectedOption().getText())
                    .isEqualTo("Pine Hollow Golf Club");
            assertThat(browser.find(By.id("previous-day")).isEnabled()).as("no going back before today").isFalse();
            browser.screenshot("today");

            new Select(browser.find(By.id("players"))).selectByValue("2");
            while (!day.toString().equals(dayShown(browser))) {
                String before = dayShown(browser);
                browser.find(By.id("next-day")).click();
                browser.await("the next day", d -> !before.equals(dayShown(browser)) && "2".equals(playersShown(browser)));
            }
            List<WebElement> items = browser.findAll(By.cssSelector("#tee-times li.tee-time"));
            assertThat(items).isNotEmpty().allSatisfy(item -> {
                assertThat(OffsetDateTime.parse(item.getAttribute("data-start")).atZoneSameInstant(ZONE).toLocalDate())
                        .isEqualTo(day);
                assertThat(item.getAttribute("data-status")).isIn("open", "full", "blocked", "unavailable");
            });
            assertThat(item(browser, open.get(0)).getText()).contains("4 spots left", "$");
            browser.screenshot("day-with-open-tee-times");

            // Book 2 players on an open tee time.
            String first = open.get(0);
            item(browser, first).findElement(By.tagName("button")).click();
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            browser.find(By.id("name")).sendKeys("Ann Smith");
            browser.find(By.id("email")).sendKeys("ann@example.com");
            browser.screenshot("booking-form");
            new Actions(browser.driver()).doubleClick(browser.find(By.id("book"))).perform(); // books once
            WebElement confirmation = browser.await("the confirmation",
                    ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(confirmation.getText()).contains("Booked:", "2 players", "Ann Smith");
            String link = browser.find(By.id("booking-link")).getAttribute("href");
            assertThat(link).startsWith(site + "/?booking=");
            String bookingId = link.substring(link.indexOf('=') + 1);
            JsonNode booking = http.get("/api/bookings/" + bookingId).json();
            assertThat(booking.path("status").asText()).isEqualTo("confirmed");
            assertThat(booking.path("players").asInt()).isEqualTo(2);
            assertThat(OffsetDateTime.parse(booking.path("start").asText()).toInstant())
                    .isEqualTo(OffsetDateTime.parse(first).toInstant());
            browser.await("2 spots fewer", d -> "2".equals(item(browser, first).getAttribute("data-available")));
            assertThat(http.get("/api/courses/" + DemoCourse.ID + "/bookings?date=" + day, "Authorization", "Bearer " + TOKEN)
                    .json().findValuesAsText("name")).as("bookings after a double click").containsExactly("Ann Smith");
            browser.screenshot("booked");

            // Cancel from the confirmation: the spots come back.
            browser.find(By.id("cancel-booking")).click();
            browser.await("asked first", ExpectedConditions.visibilityOfElementLocated(By.id("cancel-dialog")));
            browser.find(By.id("cancel-yes")).click();
            browser.await("the cancellation", d -> browser.find(By.id("confirmation")).getText().contains("Cancelled:"));
            browser.await("the spots back", d -> "4".equals(item(browser, first).getAttribute("data-available")));
            assertThat(http.get("/api/bookings/" + bookingId).json().path("status").asText()).isEqualTo("cancelled");
            browser.screenshot("cancelled");

            // Someone else books the last spots of another tee time: after a refresh it shows full.
            String second = open.get(1);
            book(http, second, 4, "Full Party");
            browser.find(By.id("refresh")).click();
            browser.await("the tee time full", d -> "full".equals(item(browser, second).getAttribute("data-status")));
            assertThat(item(browser, second).getAttribute("data-available")).isEqualTo("0");
            assertThat(item(browser, second).findElement(By.tagName("button")).isEnabled()).as("clickable").isFalse();
            browser.screenshot("full-after-refresh");

            // The tee time fills while the form is open: the problem's detail, and the day refreshed.
            String third = open.get(2);
            item(browser, third).findElement(By.tagName("button")).click();
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            book(http, third, 3, "Quick Three");
            browser.find(By.id("book")).click();
            WebElement message = browser.await("the problem's detail", ExpectedConditions.visibilityOfElementLocated(By.id("message")));
            assertThat(message.getText()).contains("only 1 spot is left at this tee time");
            assertThat(browser.find(By.id("booking-dialog")).isDisplayed()).isFalse();
            browser.await("the day refreshed", d -> "full".equals(item(browser, third).getAttribute("data-status")));
            browser.screenshot("full-when-submitted");
            browser.resize(Browser.PHONE);
            browser.screenshot("on-a-phone");
            browser.resize(Browser.DESKTOP);

            // The staff sign in, see the day's bookings, block the first tee times and cancel a booking.
            browser.open(site + "/staff?course=" + DemoCourse.ID + "&date=" + day);
            browser.find(By.id("token")).sendKeys("not-the-token");
            browser.find(By.id("sign-in-button")).click();
            browser.await("the refusal", ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
            browser.find(By.id("token")).clear();
            browser.find(By.id("token")).sendKeys(TOKEN);
            browser.find(By.id("sign-in-button")).click();
            browser.await("the staff's day", d -> day.toString().equals(browser.find(By.id("tee-sheet")).getAttribute("data-date")));
            WebElement fullParty = browser.find(By.cssSelector("#tee-sheet li[data-start='" + second + "'] li.booking"));
            assertThat(fullParty.getText()).contains("Full Party", "4 players");
            browser.screenshot("staff-day");

            // Without an SMTP server the golfer's emails wait in the outbox, which the staff can read.
            browser.await("the outbox", d -> browser.find(By.id("outbox")).getText().contains("to ann@example.com"));
            assertThat(browser.find(By.id("outbox")).getText()).contains("Your tee time at Pine Hollow Golf Club", "waiting");
            browser.find(By.cssSelector("#outbox li.outbox-email summary")).click();
            assertThat(browser.find(By.cssSelector("#outbox li.outbox-email pre")).getText()).contains("Hello Ann");
            browser.screenshot("staff-outbox");

            List<String> grid = gridOf(http, day);
            new Select(browser.find(By.id("block-from"))).selectByValue(grid.get(0));
            new Select(browser.find(By.id("block-until"))).selectByValue(grid.get(3));
            browser.find(By.id("block-reason")).sendKeys("Frost delay");
            browser.find(By.id("add-block")).click();
            browser.await("the block listed", d -> browser.find(By.id("blocks")).getText().contains("Frost delay"));
            browser.screenshot("staff-block-added");

            browser.find(By.cssSelector("#tee-sheet li[data-start='" + second + "'] li.booking button.cancel")).click();
            browser.driver().switchTo().alert().accept();
            browser.await("the booking gone from the sheet", d -> browser.findAll(
                    By.cssSelector("#tee-sheet li[data-start='" + second + "'] li.booking")).isEmpty());
            JsonNode dayBookings = http.get("/api/courses/" + DemoCourse.ID + "/bookings?date=" + day,
                    "Authorization", "Bearer " + TOKEN).json();
            assertThat(dayBookings.findValues("name").stream().map(JsonNode::asText)).contains("Full Party");
            for (JsonNode b : dayBookings) {
                if (b.path("name").asText().equals("Full Party")) {
                    assertThat(b.path("status").asText()).isEqualTo("cancelled");
                }
            }
            browser.screenshot("staff-booking-cancelled");

            // The golfer's page shows the blocked tee times: start inclusive, end exclusive.
            browser.open(site + "/?course=" + DemoCourse.ID + "&date=" + day + "&players=1");
            browser.await("the day", d -> day.toString().equals(dayShown(browser)));
            for (int i = 0; i < 3; i++) {
                assertThat(item(browser, grid.get(i)).getAttribute("data-status")).as(grid.get(i)).isEqualTo("blocked");
            }
            assertThat(item(browser, grid.get(3)).getAttribute("data-status")).isNotEqualTo("blocked");
            browser.screenshot("blocked-on-the-golfers-page");

            // Back on the staff page the tab is still signed in; removing the block opens the tee times again.
            browser.open(site + "/staff?course=" + DemoCourse.ID + "&date=" + day);
            browser.await("the staff's day, still signed in",
                    d -> day.toString().equals(browser.find(By.id("tee-sheet")).getAttribute("data-date")));
            browser.find(By.cssSelector("#blocks li.block button")).click();
            browser.await("no blocks", ExpectedConditions.visibilityOfElementLocated(By.id("no-blocks")));
            assertThat(browser.find(By.cssSelector("#tee-sheet li[data-start='" + grid.get(0) + "']"))
                    .getAttribute("data-status")).isNotEqualTo("blocked");
            browser.screenshot("staff-block-removed");

            fairway.terminate();
            fairway.waitFor(seconds(20));
        }
    }

    private static String dayShown(Browser browser) {
        return browser.find(By.id("tee-times")).getAttribute("data-date");
    }

    private static String playersShown(Browser browser) {
        return browser.find(By.id("tee-times")).getAttribute("data-players");
    }

    private static WebElement item(Browser browser, String start) {
        return browser.find(By.cssSelector("#tee-times li[data-start='" + start + "']"));
    }

    private static void book(Http http, String start, int players, String name) {
        Http.Answer answer = http.post("/api/courses/" + DemoCourse.ID + "/bookings",
                "{\"start\": \"" + start + "\", \"players\": " + players + ", \"name\": \"" + name + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static LocalDate firstDayWithOpenTeeTimes(Http http, LocalDate from, int atLeast) {
        for (LocalDate day = from; day.isBefore(from.plusDays(14)); day = day.plusDays(1)) {
            if (openTeeTimes(http, day).size() >= atLeast) {
                return day;
            }
        }
        throw new AssertionError("the demo course has no day with " + atLeast + " open tee times in its window");
    }

    /** Tee times with all 4 spots open, after the day's first four (which the block test uses). */
    private static List<String> openTeeTimes(Http http, LocalDate day) {
        List<String> open = new ArrayList<>();
        JsonNode teeTimes = availability(http, day).path("days").get(0).path("teeTimes");
        for (int i = 4; i < teeTimes.size(); i++) {
            if (teeTimes.get(i).path("status").asText().equals("open")) {
                open.add(teeTimes.get(i).path("start").asText());
            }
        }
        return open;
    }

    private static List<String> gridOf(Http http, LocalDate day) {
        return availability(http, day).path("days").get(0).path("teeTimes").findValuesAsText("start");
    }

    private static JsonNode availability(Http http, LocalDate day) {
        return http.get("/api/courses/" + DemoCourse.ID + "/availability?from=" + day + "&players=4").json();
    }
}
