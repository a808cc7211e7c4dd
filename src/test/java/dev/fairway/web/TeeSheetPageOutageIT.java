package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairway.chaos.ChaosEnvironment;
import dev.fairway.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The golfer's page while the database is unreachable (a real TCP proxy refusing and resetting
 * connections): stale tee times under a banner, a booking refused with the form kept, and the same
 * form's retry, once the database is back, booking exactly once.
 */
class TeeSheetPageOutageIT {

    static final String BUSY = "The booking system is busy, your booking was not taken, try again.";

    @Test
    void shows_stale_times_under_a_banner_keeps_a_refused_form_and_books_once_when_retried() {
        try (ChaosEnvironment env = ChaosEnvironment.start(); Browser browser = Browser.start("outage")) {
            String day = ChaosEnvironment.BOOKING_DATE.toString();
            browser.open("http://localhost:" + env.service().port() + "/?course=" + ChaosEnvironment.COURSE
                    + "&date=" + day + "&players=2");
            browser.await("the day", d -> day.equals(browser.find(By.id("tee-times")).getAttribute("data-date")));
            assertThat(browser.find(By.id("stale-banner")).isDisplayed()).isFalse();

            env.refuseConnections();
            browser.find(By.id("refresh")).click();
            WebElement banner = browser.await("the stale banner",
                    ExpectedConditions.visibilityOfElementLocated(By.id("stale-banner")));
            assertThat(banner.getText()).contains("may be out of date");
            browser.screenshot("stale-banner");

            // The list may be drawn again at any moment (a load retried after Retry-After): find and
            // click in one step, again if it was redrawn in between.
            String start = browser.await("an open tee time clicked", d -> {
                WebElement open = browser.find(By.cssSelector("#tee-times li[data-status='open']"));
                String at = open.getAttribute("data-start");
                open.findElement(By.tagName("button")).click();
                return at;
            });
            browser.await("the booking form", ExpectedConditions.visibilityOfElementLocated(By.id("booking-dialog")));
            browser.find(By.id("name")).sendKeys("Outage Golfer");
            browser.find(By.id("email")).sendKeys("outage@example.com");
            browser.find(By.id("book")).click();
            WebElement error = browser.await("the busy message",
                    ExpectedConditions.visibilityOfElementLocated(By.id("booking-error")));
            assertThat(error.getText()).isEqualTo(BUSY);
            assertThat(browser.find(By.id("booking-dialog")).isDisplayed()).as("the form stays open").isTrue();
            assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Outage Golfer");
            assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo("outage@example.com");
            browser.screenshot("booking-refused-form-kept");
            assertThat(bookingsOf(env, "Outage Golfer")).isZero();

            env.heal();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> env.http().get("/health/ready").status() == 200);
            browser.find(By.id("book")).click();
            WebElement confirmation = browser.await("the confirmation",
                    ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(confirmation.getText()).contains("Booked:", "Outage Golfer");
            browser.find(By.id("refresh")).click();
            browser.await("fresh tee times", ExpectedConditions.invisibilityOfElementLocated(By.id("stale-banner")));
            browser.await("the booking counted", d -> "2".equals(browser.find(
                    By.cssSelector("#tee-times li[data-start='" + start + "']")).getAttribute("data-available")));
            browser.screenshot("booked-after-recovery");
            assertThat(bookingsOf(env, "Outage Golfer")).as("bookings made by the form").isEqualTo(1);
        }
    }

    private static long bookingsOf(ChaosEnvironment env, String name) {
        return env.db().count("select count(*) from booking where name = ?", name);
    }
}
