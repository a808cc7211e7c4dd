package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.MailSettings;
import dev.fairway.config.SmtpUrl;
import dev.fairway.support.Browser;
import dev.fairway.support.Http;
import dev.fairway.support.MailServer;
import dev.fairway.support.ShiftedClock;
import dev.fairway.support.SignIns;
import dev.fairway.support.TestApi;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The golfer's page in a real browser on a release morning: the day counts down to its release,
 * the golfer signs in by emailed code meanwhile, the tee times open at the release instant
 * without a reload, and the golfer books without retyping name and email and finds the booking
 * in "my bookings". Then the staff add and remove a member. axe-core checks every state shown.
 */
class GolferPageIT {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Duration BEFORE_RELEASE = Duration.ofSeconds(30);

    @Test
    void a_golfer_signs_in_watches_the_countdown_and_books_the_instant_the_day_opens() throws Exception {
        // The service's clock ticks in real time, set so that the release is half a minute away.
        LocalDate releaseDay = LocalDate.now(ZONE).plusDays(2);
        LocalDate teeDay = releaseDay.plusDays(8);
        Instant release = releaseDay.atTime(LocalTime.of(7, 0)).atZone(ZONE).toInstant();
        ShiftedClock clock = new ShiftedClock();
        clock.readNow(release.minus(BEFORE_RELEASE));
        // Codes go out through a real SMTP server, so the page offers sign-in.
        try (MailServer smtp = MailServer.start();
             TestApi api = TestApi.start(clock, new MailSettings(Optional.of(SmtpUrl.parse(smtp.url())), MailSettings.FROM,
                     URI.create("http://localhost")));
             Browser browser = Browser.start("golfer")) {
            Http.Answer put = api.putCourse("dawn", TestApi.object("""
                    {"name": "Dawn Links", "timeZone": "America/New_York", "teeTimeIntervalMinutes": 10,
                     "maxPlayersPerTeeTime": 4,
                     "weeklyHours": {%s},
                     "bookingClasses": [
                       {"name": "member", "bookingWindowDays": 10, "releaseTime": "07:00"},
                       {"name": "public", "bookingWindowDays": 8, "releaseTime": "07:00", "maxBookingsPerDay": 1}]}
                    """.formatted(everyDay())));
            assertThat(put.status()).as(put.body()).isEqualTo(201);
            String site = "http://localhost:" + api.service.port();

            browser.open(site + "/?course=dawn&date=" + teeDay + "&players=2");
            browser.await("the day", d -> teeDay.toString().equals(browser.find(By.id("tee-times")).getAttribute("data-date")));
            assertThat(browser.findAll(By.cssSelector("#tee-times li.tee-time"))).isNotEmpty()
                    .allSatisfy(item -> assertThat(item.getAttribute("data-status")).isEqualTo("unavailable"));
            WebElement note = browser.find(By.id("release-note"));
            assertThat(note.getText()).contains("open for you", "07:00", " in ");
            ((JavascriptExecutor) browser.driver()).executeScript("window.stillTheSamePage = true;");
            browser.screenshot("countdown");

            browser.find(By.id("sign-in-email")).sendKeys("ann@example.com");
            browser.find(By.id("send-code")).click();
            browser.await("the code field", ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-code")));
            browser.screenshot("code-asked");
            browser.find(By.id("sign-in-code")).sendKeys(code(smtp.await(1, Duration.ofSeconds(10)).getFirst()));
            browser.find(By.id("verify-code")).click();
            browser.await("signed in", ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
            assertThat(browser.find(By.id("signed-in-as")).getText()).contains("ann@example.com");
            browser.await("my bookings", ExpectedConditions.visibilityOfElementLocated(By.id("no-my-bookings")));
            browser.screenshot("signed-in");

            String first = browser.findAll(By.cssSelector("#tee-times li.tee-time")).getFirst().getAttribute("data-start");
            browser.await("the release, without a reload", Duration.ofSeconds(60),
                    d -> "open".equals(item(browser, first).getAttribute("data-status")));
            assertThat(clock.instant()).as("open only once released").isAfterOrEqualTo(release);
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.stillTheSamePage === true"))
                    .as("the page was not reloaded").isEqualTo(true);
            browser.screenshot("released");

            item(browser, first).findElement(By.tagName("button")).click();
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            assertThat(browser.find(By.id("email")).isDisplayed()).as("no email to retype").isFalse();
            assertThat(browser.find(By.id("booking-as")).getText()).contains("ann@example.com");
            // A signed-in golfer used to book under the email, with nowhere to give a name (issue 24).
            assertThat(browser.find(By.id("name")).getAttribute("value")).isEmpty();
            browser.find(By.id("name")).sendKeys("Ann Lee");
            browser.screenshot("booking-as-golfer");
            browser.find(By.id("book")).click();
            WebElement confirmation = browser.await("the confirmation",
                    ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(confirmation.getText()).contains("Booked:", "2 players", "under the name Ann Lee");
            assertThat(api.http.get("/api/me", SignIns.bearer(token(browser))).json().path("name").asText())
                    .as("the name kept for next time").isEqualTo("Ann Lee");
            browser.await("the booking in my bookings",
                    d -> browser.findAll(By.cssSelector("#my-bookings li.my-booking")).size() == 1);
            assertThat(api.http.get("/api/me/bookings", SignIns.bearer(token(browser))).json().findValuesAsText("start"))
                    .hasSize(1);
            browser.screenshot("my-bookings");

            // The public's limit is one booking a day: the second is refused, plainly.
            String second = browser.findAll(By.cssSelector("#tee-times li.tee-time")).get(2).getAttribute("data-start");
            item(browser, second).findElement(By.tagName("button")).click();
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            browser.find(By.id("book")).click();
            WebElement refusal = browser.await("the refusal", ExpectedConditions.visibilityOfElementLocated(By.id("message")));
            assertThat(refusal.getText()).as("in the golfer's words, not the field's name")
                    .contains("You may book 1 tee time a day here").doesNotContain("maxBookingsPerDay");
            browser.screenshot("limit-reached");

            browser.find(By.cssSelector("#my-bookings li.my-booking button")).click();
            browser.await("asked first", ExpectedConditions.visibilityOfElementLocated(By.id("cancel-dialog")));
            browser.find(By.id("cancel-yes")).click();
            browser.await("cancelled from my bookings", d -> browser.find(By.id("my-bookings")).getText().contains("cancelled"));
            browser.find(By.id("sign-out")).click();
            browser.await("signed out", ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-email")));
            browser.screenshot("signed-out");

            // The staff add a member and remove her again.
            browser.open(site + "/staff?course=dawn&date=" + teeDay);
            browser.find(By.id("token")).sendKeys(dev.fairway.support.TestService.ADMIN_TOKEN);
            browser.find(By.id("sign-in-button")).click();
            browser.await("the members", ExpectedConditions.visibilityOfElementLocated(By.id("no-members")));
            // The golfer's cancelled booking gave its spots back and left the sheet.
            WebElement cancelledSlot = browser.find(By.cssSelector("#tee-sheet li[data-start='" + first + "']"));
            assertThat(cancelledSlot.getText()).contains("0 of 4 booked").doesNotContain("Ann Lee");
            browser.find(By.id("member-email")).sendKeys("Eve@Example.com");
            browser.find(By.id("member-name")).sendKeys("Eve Adams");
            browser.find(By.id("add-member")).click();
            browser.await("the member listed", d -> browser.find(By.id("members")).getText().contains("eve@example.com"));
            assertThat(api.http.get("/api/courses/dawn/members", TestApi.admin()).json().findValuesAsText("bookingClass"))
                    .containsExactly("member");
            browser.screenshot("staff-members");
            browser.find(By.cssSelector("#members li.member button")).click();
            browser.await("no members", ExpectedConditions.visibilityOfElementLocated(By.id("no-members")));
            assertThat(api.http.get("/api/courses/dawn/members", TestApi.admin()).json()).isEmpty();
            assertThat(browser.audits()).isGreaterThanOrEqualTo(8);
        }
    }

    private static String everyDay() {
        return String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> "\"" + day + "\": [{\"firstTeeTime\": \"07:00\", \"lastTeeTime\": \"09:00\"}]").toList());
    }

    private static WebElement item(Browser browser, String start) {
        return browser.find(By.cssSelector("#tee-times li[data-start='" + start + "']"));
    }

    /** The code standing alone on its line in a sign-in email. */
    private static String code(MailServer.Received mail) {
        try {
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("(?m)^([0-9]{6})\\r?$")
                    .matcher(String.valueOf(mail.message().getContent()));
            assertThat(code.find()).isTrue();
            return code.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String token(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return localStorage.getItem('fairway.golferToken')");
    }
}
