package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairway.support.Browser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The browser tests' accessibility audit can fail: axe-core finds what is wrong on a broken page. */
class AccessibilityAuditIT {

    @Test
    void the_audit_fails_on_a_page_with_an_unlabelled_control_and_passes_once_it_is_labelled() {
        try (Browser browser = Browser.start("accessibility-audit")) {
            browser.open(page("<button type=\"button\"></button><input type=\"text\">"));
            assertThatThrownBy(() -> browser.audit("broken"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("button-name")
                    .hasMessageContaining("label");

            browser.open(page("<button type=\"button\">Book</button><label for=\"n\">Name</label><input id=\"n\" type=\"text\">"));
            browser.audit("mended");
            assertThat(browser.audits()).isEqualTo(2);
        }
    }

    private static String page(String body) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode("<!doctype html><html lang=\"en\"><head><title>Audit</title>"
                + "</head><body><main><h1>Audit</h1>" + body + "</main></body></html>", StandardCharsets.UTF_8).replace("+", "%20");
    }
}
