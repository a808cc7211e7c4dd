package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Browser;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Part 3 on the pages, in Chromium at desktop and phone sizes with axe-core on every state: a
 * golfer chooses 18 or 9 holes, sees which tee each time starts from and when its round turns,
 * books a crossover from the 10th and reads the turn and the price on the confirmation; the staff
 * see both tees, with the players who turn onto a slot, and block one tee only.
 */
class RoundsPageIT {

    static final String TWO_TEES = """
            {"name": "Two Tees", "timeZone": "Etc/UTC", "teeTimeIntervalMinutes": 10, "maxPlayersPerTeeTime": 4,
             "bookingWindowDays": 14, "weeklyHours": {%s},
             "rounds": [9, 18],
             "tees": [{"name": "1", "turnsTo": "10"}, {"name": "10", "turnsTo": "1"}],
             "turnMinutes": 120, "turnWaitMinutes": 10,
             "rates": [{"name": "Nine", "holes": 9, "from": "00:00", "until": "23:59", "pricePerPlayer": "35.00"},
                       {"name": "Eighteen", "holes": 18, "from": "00:00", "until": "23:59", "pricePerPlayer": "60.00"}]}
            """;

    @Test
    void a_golfer_books_a_crossover_from_the_tenth_and_the_staff_see_both_tees_with_its_turn() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        try (TestApi api = TestApi.start(); Browser browser = Browser.start("rounds")) {
            String everyDay = String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                    .map(d -> "\"" + d + "\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"12:00\"}]").toList());
            Http.Answer put = api.putCourse("two", TestApi.object(TWO_TEES.formatted(everyDay)));
            assertThat(put.status()).as(put.body()).isEqualTo(201);
            Http.Answer turner = api.http.post("/api/courses/two/bookings", Http.json(Map.of("start", at(day, "07:00"),
                    "tee", "10", "holes", 18, "players", 3, "name", "Turner Party")));
            assertThat(turner.status()).as(turner.body()).isEqualTo(201);
            String site = "http://localhost:" + api.service.port();

            browser.open(site + "/?course=two&players=2&date=" + day);
            browser.await("the day", d -> day.toString().equals(browser.find(By.id("tee-times")).getAttribute("data-date")));
            assertThat(browser.find(By.id("holes-field")).isDisplayed()).isTrue();
            assertThat(new Select(browser.find(By.id("holes"))).getFirstSelectedOption().getText()).isEqualTo("18 holes");
            assertThat(tile(browser, "1", day, "07:00").getText()).contains("From the 1st tee", "turn 09:00 at the 10th tee");
            assertThat(tile(browser, "1", day, "09:00").getText().toLowerCase())
                    .as("3 turn there from the 10th: room for 1").contains("room for 1 only");
            assertThat(tile(browser, "1", day, "10:10").getText().toLowerCase()).as("(statuses are in capitals)")
                    .contains("no time at the turn: 9 holes only");
            browser.screenshot("eighteen-holes");
            browser.resize(Browser.PHONE);
            browser.screenshot("eighteen-holes-phone");
            browser.resize(Browser.DESKTOP);

            new Select(browser.find(By.id("holes"))).selectByValue("9");
            browser.await("nine holes", d -> tile(browser, "1", day, "10:10").getAttribute("data-status").equals("open"));
            assertThat(tile(browser, "1", day, "07:00").getText()).doesNotContain("turn").contains("35.00");
            browser.screenshot("nine-holes");

            new Select(browser.find(By.id("holes"))).selectByValue("18");
            browser.await("eighteen again", d -> tile(browser, "1", day, "10:10").getAttribute("data-status")
                    .equals("unavailable"));
            tile(browser, "10", day, "07:10").findElement(By.tagName("button")).click();
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            assertThat(browser.find(By.id("booking-summary")).getText())
                    .contains("18 holes", "from the 10th tee", "turn 09:10 at the 1st tee", "120.00");
            browser.find(By.id("name")).sendKeys("Casey Cross");
            browser.screenshot("crossover-form");
            browser.find(By.id("book")).click();
            WebElement confirmation = browser.await("the confirmation",
                    ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(confirmation.getText()).contains("18 holes from the 10th tee turning at 09:10 on the 1st tee");
            assertThat(browser.find(By.id("confirmation-price")).getText()).contains("120.00", "60.00");
            browser.screenshot("crossover-confirmed");
            browser.resize(Browser.PHONE);
            browser.screenshot("crossover-confirmed-phone");
            browser.resize(Browser.DESKTOP);

            browser.open(site + "/staff?course=two&date=" + day);
            browser.find(By.id("token")).sendKeys(TestService.ADMIN_TOKEN);
            browser.find(By.id("sign-in-button")).click();
            browser.await("the sheet", d -> browser.find(By.id("tee-sheet")).getText().contains("Casey Cross"));
            WebElement turnSlot = slot(browser, day, "09:00", "1");
            assertThat(turnSlot.getText()).contains("Turner Party", "at the turn, started 07:00 on the 10th tee", "3 of 4");
            assertThat(slot(browser, day, "07:00", "10").getText()).contains("Turner Party", "turns 09:00 on the 1st tee");
            assertThat(slot(browser, day, "09:10", "1").getText()).contains("Casey Cross");
            scrollTo(browser, turnSlot);
            browser.screenshot("staff-both-tees");
            browser.resize(Browser.PHONE);
            scrollTo(browser, turnSlot);
            browser.screenshot("staff-both-tees-phone");
            browser.resize(Browser.DESKTOP);

            new Select(browser.find(By.id("block-from"))).selectByValue(at(day, "11:00"));
            new Select(browser.find(By.id("block-tees"))).selectByValue("10");
            browser.find(By.id("block-reason")).sendKeys("Junior clinic");
            browser.find(By.id("add-block")).click();
            browser.await("blocked", d -> browser.find(By.id("message")).getText().contains("on the 10th tee"));
            browser.await("listed", d -> browser.find(By.id("blocks")).getText().contains("10th tee only"));
            browser.await("its slots", d -> "blocked".equals(slot(browser, day, "11:00", "10").getAttribute("data-status")));
            assertThat(slot(browser, day, "11:00", "1").getAttribute("data-status")).isNotEqualTo("blocked");
            browser.screenshot("staff-tenth-blocked");
            assertThat(browser.audits()).isEqualTo(9);
        }
    }

    private static void scrollTo(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static String at(LocalDate day, String time) {
        return day + "T" + time + ":00Z";
    }

    private static WebElement tile(Browser browser, String tee, LocalDate day, String time) {
        return browser.find(By.cssSelector("#tee-times li[data-tee='" + tee + "'][data-start='" + at(day, time) + "']"));
    }

    private static WebElement slot(Browser browser, LocalDate day, String time, String tee) {
        return browser.find(By.cssSelector("#tee-sheet li[data-start='" + at(day, time) + "'] .tee-slot[data-tee='"
                + tee + "']"));
    }
}
