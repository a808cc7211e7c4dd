package dev.fairway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void matches_addresses_and_cidr_ranges_of_both_families() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");
        assertThat(proxies.trusts("10.255.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.168.1.7")).isTrue();
        assertThat(proxies.trusts("192.168.1.8")).isFalse();
        assertThat(proxies.trusts("fd12::1")).isTrue();
        assertThat(proxies.trusts("[fd12::1]")).isTrue();
        assertThat(proxies.trusts("fe80::1")).isFalse();
        assertThat(TrustedProxies.parse("10.1.2.0/23").trusts("10.1.3.255")).isTrue();
        assertThat(TrustedProxies.parse("10.1.2.0/23").trusts("10.1.4.0")).isFalse();
    }

    @Test
    void what_is_not_an_ip_literal_is_never_trusted_and_never_looked_up() {
        TrustedProxies proxies = TrustedProxies.parse("0.0.0.0/0, ::/0");
        assertThat(proxies.trusts("localhost")).isFalse();
        assertThat(proxies.trusts("proxy.example:80")).isFalse();
        assertThat(proxies.trusts("unknown")).isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.com"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("FAIRWAY_TRUSTED_PROXIES ");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(InvalidSettingException.class);
    }
}
