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
}
