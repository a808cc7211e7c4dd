package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages and their assets are served from the jar, load nothing from elsewhere, and tell the browser so. */
class PageRoutesTest {

    private static final Pattern CONTROL = Pattern.compile("<(?:input|select)[^>]*\\bid=\"([^\"]+)\"");

    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/staff", "/assets/fairway.css", "/assets/common.js", "/assets/golfer.js", "/assets/teesheet.js", "/assets/staff.js"})
    void is_served_with_a_policy_allowing_nothing_from_outside_and_refers_to_nothing_outside(String path) {
        Http.Answer answer = api.http.get(path);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'self';");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.body()).doesNotContain("http://", "https://", "src=\"//", "href=\"//", "url(");
        assertThat(answer.contentType()).startsWith(path.endsWith(".css") ? "text/css"
                : path.endsWith(".js") ? "text/javascript" : "text/html");
    }

    @Test
    void pages_label_every_control() {
        for (String page : new String[] {"/", "/staff"}) {
            String html = api.http.get(page).body();
            Matcher controls = CONTROL.matcher(html);
            int count = 0;
            while (controls.find()) {
                count++;
                assertThat(html).as(page + " has a label for #" + controls.group(1)).contains("<label for=\"" + controls.group(1) + "\"");
            }
            assertThat(count).as(page + " controls").isPositive();
        }
    }

    @Test
    void every_page_has_a_description_and_an_icon_that_is_served_also_as_favicon_ico() {
        for (String page : new String[] {"/", "/staff", "/docs"}) {
            String html = api.http.get(page).body();
            assertThat(html).as(page).containsPattern("<meta name=\"description\" content=\"[^\"]{20,}\">");
            assertThat(html).as(page).contains("<link rel=\"icon\" href=\"/assets/favicon.svg\"");
        }
        for (String icon : new String[] {"/assets/favicon.svg", "/favicon.ico"}) {
            Http.Answer answer = api.http.get(icon);
            assertThat(answer.status()).as(icon).isEqualTo(200);
            assertThat(answer.contentType()).as(icon).startsWith("image/svg+xml");
            assertThat(answer.body()).as(icon).startsWith("<svg");
        }
    }

    @Test
    void the_day_arrows_are_named_by_the_words_they_show() {
        for (String page : new String[] {"/", "/staff"}) {
            String html = api.http.get(page).body();
            assertThat(html).as(page).contains(
                    "<button type=\"button\" id=\"previous-day\"><span aria-hidden=\"true\">&#8249;</span> Previous</button>",
                    "<button type=\"button\" id=\"next-day\">Next <span aria-hidden=\"true\">&#8250;</span></button>");
        }
    }

    @Test
    void an_unknown_asset_is_a_404_problem() {
        Http.Answer answer = api.http.get("/assets/secrets.txt");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
