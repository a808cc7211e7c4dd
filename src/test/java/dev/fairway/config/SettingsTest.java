package dev.fairway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaults_to_the_embedded_database_on_port_8080_with_a_generated_token() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.adminTokenGenerated()).isTrue();
        assertThat(settings.adminToken().reveal()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(settings.dataDir().getFileName().toString()).isEqualTo("fairway-data");
    }

    @Test
    void listens_on_every_interface_unless_told_an_address_of_this_machine() {
        assertThat(Settings.from(Map.of()).http().host()).isEmpty();
        assertThat(Settings.from(Map.of("FAIRWAY_HOST", "127.0.0.1")).http().host()).contains("127.0.0.1");
        assertThat(Settings.from(Map.of("FAIRWAY_HOST", "localhost")).http().host()).contains("localhost");
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_HOST", "203.0.113.7")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("FAIRWAY_HOST '203.0.113.7' is not an address of this machine");
    }

    @Test
    void uses_the_direct_url_for_migrations_when_set() {
        Settings settings = Settings.from(Map.of(
                "DATABASE_URL", "postgres://u:p@pooler:6543/db?pgbouncer=true",
                "DIRECT_URL", "postgres://u:p@db:5432/db"));

        assertThat(settings.migrationUrl().orElseThrow().primaryHost().host()).isEqualTo("db");
        assertThat(settings.database().orElseThrow().transactionPooler()).isTrue();
    }

    @Test
    void names_the_setting_that_is_wrong() {
        assertThatThrownBy(() -> Settings.from(Map.of("PORT", "eighty")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("PORT ");
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_ADMIN_TOKEN", "short")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_ADMIN_TOKEN ");
        assertThatThrownBy(() -> Settings.from(Map.of("DIRECT_URL", "postgres://u@h/db")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("DIRECT_URL ");
        assertThatThrownBy(() -> Settings.from(Map.of("DATABASE_URL", "postgres://u@h/db", "DIRECT_URL", "nope")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("DIRECT_URL is not a URL");
    }

    @Test
    void reads_the_availability_cache_settings() {
        assertThat(Settings.from(Map.of()).cache()).isEqualTo(CacheSettings.defaults());
        assertThat(Settings.from(Map.of("FAIRWAY_CACHE_TTL_MS", "0", "FAIRWAY_CACHE_LISTEN", "off")).cache())
                .isEqualTo(new CacheSettings(Duration.ZERO, false));
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_CACHE_TTL_MS", "-1")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_CACHE_TTL_MS ");
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_CACHE_LISTEN", "maybe")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_CACHE_LISTEN ");
    }

    @Test
    void compares_the_admin_token_exactly() {
        Secret token = new Secret("0123456789abcdef");

        assertThat(token.matches("0123456789abcdef")).isTrue();
        assertThat(token.matches("0123456789abcdeF")).isFalse();
        assertThat(token.matches("0123456789abcde")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void reads_the_email_settings_and_never_prints_the_smtp_password() {
        MailSettings defaults = Settings.from(Map.of()).mail();
        assertThat(defaults.smtp()).isEmpty();
        assertThat(defaults.from()).isEqualTo("Fairway <no-reply@localhost>");
        assertThat(defaults.link("/?booking=x")).isEqualTo("http://localhost:8080/?booking=x");

        MailSettings mail = Settings.from(Map.of("FAIRWAY_SMTP_URL", "smtp://apikey:s3cr%40t@smtp.example.com:587?starttls=required",
                "FAIRWAY_MAIL_FROM", "Pine Valley <tee-times@example.com>", "FAIRWAY_PUBLIC_URL", "https://tee.example.com/")).mail();
        SmtpUrl smtp = mail.smtp().orElseThrow();
        assertThat(smtp.host()).isEqualTo("smtp.example.com");
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.starttlsRequired()).isTrue();
        assertThat(smtp.tls()).isFalse();
        assertThat(smtp.user()).contains("apikey");
        assertThat(smtp.password().reveal()).isEqualTo("s3cr@t");
        assertThat(smtp.toString()).isEqualTo("smtp://apikey:***@smtp.example.com:587?starttls=required")
                .doesNotContain("s3cr");
        assertThat(mail.fromAddress().getAddress()).isEqualTo("tee-times@example.com");
        assertThat(mail.link("/?booking=x")).isEqualTo("https://tee.example.com/?booking=x");

        SmtpUrl smtps = SmtpUrl.parse("smtps://u:p@smtp.example.com");
        assertThat(smtps.tls()).isTrue();
        assertThat(smtps.port()).isEqualTo(465);
    }

    @Test
    void a_wrong_email_setting_is_named_and_its_password_not_echoed() {
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_SMTP_URL", "http://user:hunter2@smtp.example.com")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_SMTP_URL ")
                .message().doesNotContain("hunter2");
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_SMTP_URL", "smtp://user:hunter2@smtp.example.com?tls=yes")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_SMTP_URL ")
                .message().doesNotContain("hunter2");
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_MAIL_FROM", "not an address")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_MAIL_FROM ");
        assertThatThrownBy(() -> Settings.from(Map.of("FAIRWAY_PUBLIC_URL", "ftp://example.com")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_PUBLIC_URL ");
    }
}
