package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.Browser;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The starter's morning on the staff page, in Chromium at desktop and phone sizes with axe-core on
 * every state: a busy day on two tees, a party checked in from the keyboard and undone, a no-show
 * marked, a party moved from the change dialog with a note, a move refused in plain words with
 * nothing changed, a drag to another cell that opens the same dialog, a booking made elsewhere
 * appearing on the sheet by itself, and the no-show limit set in the course settings.
 */
class StaffDayPageIT {

    @Test
    void a_starter_checks_in_moves_and_marks_no_shows_on_a_busy_two_tee_day() {
        // A zone where it is about noon now: today has tee times that have started and tee times to come.
        ZoneId zone = noonZone();
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime next = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(10L * (now.getMinute() / 10 + 3));
        ZonedDateTime started = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(10L * (now.getMinute() / 10) - 20);
        try (TestApi api = TestApi.start(); Browser browser = Browser.start("staff-day")) {
            String everyDay = String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                    .map(d -> "\"" + d + "\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"17:00\"}]").toList());
            Http.Answer put = api.putCourse("two", TestApi.object(RoundsPageIT.TWO_TEES.formatted(everyDay)
                    .replace("\"Etc/UTC\"", "\"" + zone.getId() + "\"")));
            assertThat(put.status()).as(put.body()).isEqualTo(201);
            String ann = book(api, next, "1", 9, 2, "Ann Smith", "ann@example.com");
            String bob = book(api, next.plusMinutes(10), "1", 18, 3, "Bob Jones", null);
            book(api, next, "10", 9, 4, "Full Four", null);
            book(api, next.plusMinutes(20), "10", 18, 2, "Cara Diaz", "cara@example.com");
            String late = book(api, next.plusMinutes(30), "1", 9, 1, "Late Lee", null);
            // A walk-on the starter already sent out: moved by staff to a tee time that has started.
            assertThat(patch(api, late, Map.of("start", at(started))).status()).isEqualTo(200);
            String site = "http://localhost:" + api.service.port();

            browser.open(site + "/staff?course=two&date=" + now.toLocalDate());
            browser.find(By.id("token")).sendKeys(dev.fairway.support.TestService.ADMIN_TOKEN);
            browser.find(By.id("sign-in-button")).click();
            browser.await("the sheet", d -> browser.find(By.id("tee-sheet")).getText().contains("Cara Diaz"));
            assertThat(cell(browser, next, "10").getText()).contains("Full Four", "4 of 4 booked", "Full");
            assertThat(cell(browser, next.plusMinutes(20), "10").getText()).contains("Cara Diaz", "turns");
            assertThat(browser.find(By.id("sheet-columns")).getText()).contains("1st tee", "10th tee");
            // The starter jumps to the tee time going out now: the latest that has started.
            browser.find(By.id("to-now")).click();
            ZonedDateTime goingOut = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(10L * (now.getMinute() / 10));
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.dataset.start"))
                    .isIn(at(goingOut), at(goingOut.plusMinutes(10)));
            scrollTo(browser, cell(browser, next, "1"));
            browser.screenshot("busy-day");

            // Check-in from the keyboard, then undone.
            party(browser, ann).findElement(By.cssSelector("button.check-in")).sendKeys(Keys.ENTER);
            browser.await("checked in", d -> "checked-in".equals(party(browser, ann).getAttribute("data-status")));
            assertThat(party(browser, ann).getText()).contains("Checked in");
            assertThat(status(api, ann)).isEqualTo("checked-in");
            assertThat(browser.find(By.id("message")).getText()).contains("Checked in Ann Smith");
            browser.screenshot("checked-in");
            party(browser, ann).findElement(By.cssSelector("button.undo")).click();
            browser.await("undone", d -> "confirmed".equals(party(browser, ann).getAttribute("data-status")));
            assertThat(status(api, ann)).isEqualTo("confirmed");
            assertThat(party(browser, bob).findElements(By.cssSelector("button.no-show"))).as("not started yet").isEmpty();

            party(browser, late).findElement(By.cssSelector("button.no-show")).click();
            browser.await("a no-show", d -> "no-show".equals(party(browser, late).getAttribute("data-status")));
            assertThat(status(api, late)).isEqualTo("no-show");

            // A move with a note, from the change dialog.
            party(browser, ann).findElement(By.cssSelector("button.change")).click();
            browser.await("the change dialog", ExpectedConditions.visibilityOfElementLocated(By.id("change-dialog")));
            new Select(browser.find(By.id("change-start"))).selectByValue(at(next.plusMinutes(40)));
            new Select(browser.find(By.id("change-tee"))).selectByValue("10");
            browser.find(By.id("change-notes")).sendKeys("Cart 12, pays at the shop");
            browser.screenshot("change-dialog");
            browser.find(By.id("change-save")).click();
            browser.await("moved", d -> cell(browser, next.plusMinutes(40), "10").getText().contains("Ann Smith"));
            assertThat(cell(browser, next.plusMinutes(40), "10").getText()).contains("Note: Cart 12, pays at the shop");
            assertThat(browser.find(By.id("message")).getText())
                    .contains("Saved Ann Smith", "ann@example.com is sent the new time");
            JsonNode moved = api.http.get("/api/courses/two/sheet?date=" + now.toLocalDate(), TestApi.admin()).json();
            assertThat(moved.toString()).contains("Cart 12");
            assertThat(cell(browser, next, "1").getText()).doesNotContain("Ann Smith");
            browser.screenshot("moved");

            // Bob's three players do not fit beside the full four: refused in words, nothing changed.
            party(browser, bob).findElement(By.cssSelector("button.change")).click();
            browser.await("the change dialog", ExpectedConditions.visibilityOfElementLocated(By.id("change-dialog")));
            new Select(browser.find(By.id("change-start"))).selectByValue(at(next));
            new Select(browser.find(By.id("change-tee"))).selectByValue("10");
            browser.find(By.id("change-save")).click();
            WebElement refusal = browser.await("the refusal", ExpectedConditions.visibilityOfElementLocated(By.id("change-error")));
            assertThat(refusal.getText()).startsWith("Nothing was changed:").contains("full").doesNotContain("T0", "T1");
            assertThat(api.http.get("/api/bookings/" + bob).json().path("start").asText()).isEqualTo(at(next.plusMinutes(10)));
            browser.screenshot("move-refused");
            browser.resize(Browser.PHONE);
            browser.screenshot("move-refused-phone");
            browser.find(By.id("change-close")).click();

            // Dragged onto another cell, the party opens the same dialog with that cell chosen.
            drag(browser, party(browser, bob), cell(browser, next.plusMinutes(50), "1"));
            browser.await("the move dialog", ExpectedConditions.visibilityOfElementLocated(By.id("change-dialog")));
            assertThat(browser.find(By.id("change-title")).getText()).isEqualTo("Move Bob Jones");
            assertThat(new Select(browser.find(By.id("change-start"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo(at(next.plusMinutes(50)));
            browser.find(By.id("change-save")).click();
            browser.await("moved by drag", d -> cell(browser, next.plusMinutes(50), "1").getText().contains("Bob Jones"));

            // A booking made elsewhere (the golfers' page, another tab) appears without a refresh.
            Http.Answer walkIn = api.http.post("/api/courses/two/bookings", Http.json(Map.of("start", at(next.plusMinutes(60)),
                    "tee", "1", "holes", 9, "players", 1, "name", "Walk In")), TestApi.admin());
            assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
            browser.await("the sheet polled", Duration.ofSeconds(15),
                    d -> browser.find(By.id("tee-sheet")).getText().contains("Walk In"));
            scrollTo(browser, cell(browser, next, "1"));
            browser.screenshot("busy-day-phone");
            browser.resize(Browser.DESKTOP);

            // The manager sets the no-show limit in the course settings: a word refused beside its field.
            browser.find(By.id("setting-noShowPolicy.strikes")).sendKeys("two");
            browser.find(By.id("setting-noShowPolicy.withinDays")).sendKeys("90");
            browser.find(By.id("setting-noShowPolicy.suspendDays")).sendKeys("30");
            browser.find(By.cssSelector("#settings button[type='submit']")).click();
            browser.await("the field's mistake", d -> browser.find(By.id("setting-noShowPolicy.strikes-error")).isDisplayed());
            assertThat(browser.find(By.id("setting-noShowPolicy.strikes-error")).getText()).contains("whole number");
            browser.find(By.id("setting-noShowPolicy.strikes")).clear();
            browser.find(By.id("setting-noShowPolicy.strikes")).sendKeys("2");
            browser.find(By.cssSelector("#settings button[type='submit']")).click();
            browser.await("saved", d -> browser.find(By.id("settings")).getText().contains("Saved: the no-show limit."));
            assertThat(api.http.get("/api/courses/two").json().path("noShowPolicy").toString())
                    .isEqualTo("{\"strikes\":2,\"withinDays\":90,\"suspendDays\":30}");
            // Saving any setting sent the rates back without their holes (the form did not show them),
            // turning the 9-hole rate into every round's: the rates must come back as they were.
            assertThat(api.http.get("/api/courses/two").json().path("rates").findValuesAsText("holes"))
                    .containsExactly("9", "18");
            assertThat(browser.audits()).isEqualTo(7);
        }
    }

    /** A fixed-offset zone where the local time now is between 11:00 and 13:00. */
    private static ZoneId noonZone() {
        int offset = 12 - OffsetDateTime.now(java.time.ZoneOffset.UTC).getHour();
        return offset == 0 ? ZoneId.of("Etc/UTC") : ZoneId.of(offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset);
    }

    private static String book(TestApi api, ZonedDateTime start, String tee, int holes, int players, String name,
                               String email) {
        Map<String, Object> body = new HashMap<>(Map.of("start", at(start), "tee", tee, "holes", holes,
                "players", players, "name", name));
        if (email != null) {
            body.put("email", email);
        }
        Http.Answer answer = api.http.post("/api/courses/two/bookings", Http.json(body), TestApi.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static Http.Answer patch(TestApi api, String id, Map<String, Object> change) {
        return api.http.send("PATCH", "/api/bookings/" + id, Http.json(change), "Authorization", TestApi.admin()[1],
                "Content-Type", "application/json");
    }

    private static String status(TestApi api, String id) {
        return api.http.get("/api/bookings/" + id).json().path("status").asText();
    }

    /** An instant as the API writes it in the course's zone. */
    private static String at(ZonedDateTime time) {
        return dev.fairway.web.Instants.format(time.toInstant(), time.getZone());
    }

    private static WebElement cell(Browser browser, ZonedDateTime start, String tee) {
        return browser.find(By.cssSelector("#tee-sheet li[data-start='" + at(start) + "'] .tee-slot[data-tee='" + tee + "']"));
    }

    private static WebElement party(Browser browser, String id) {
        return browser.find(By.cssSelector("#tee-sheet li.booking:not(.turning)[data-booking-id='" + id + "']"));
    }

    private static void scrollTo(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** HTML5 drag and drop as the browser fires it (WebDriver's pointer actions do not start a native drag). */
    private static void drag(Browser browser, WebElement from, WebElement to) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const [from, to] = arguments;
                const data = new DataTransfer();
                from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                to.dispatchEvent(new DragEvent('dragenter', {bubbles: true, dataTransfer: data}));
                to.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                to.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                from.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
                """, from, to);
    }
}
