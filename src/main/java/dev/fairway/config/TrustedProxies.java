package dev.fairway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code FAIRWAY_TRUSTED_PROXIES}: the addresses (or CIDR ranges) of the proxies whose
 * {@code X-Forwarded-For} is believed. Matched by hand: prefix comparison of address bytes is a
 * dozen lines, less than a dependency's worth.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** An address and how many of its leading bits must match. */
    private record Range(byte[] address, int bits) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = rest == 0 ? 0 : (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Comma-separated IPv4 or IPv6 addresses, each optionally {@code /prefix}; never names (no DNS at start). */
    public static TrustedProxies parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String item : text.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", 2);
            byte[] address = literal(parts[0]).orElseThrow(() -> invalid(entry));
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw invalid(entry);
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw invalid(entry);
                }
            }
            ranges.add(new Range(address, bits));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (a literal address) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        return literal(address).map(bytes -> ranges.stream().anyMatch(range -> range.contains(bytes))).orElse(false);
    }

    /** The bytes of an IP literal, or empty for anything else (names are never looked up). */
    static Optional<byte[]> literal(String text) {
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        boolean ipv4 = candidate.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        // Hex, colons and dots only (an embedded IPv4 tail): anything else could send
        // InetAddress to DNS, and these come from a request header.
        boolean ipv6 = candidate.indexOf(':') >= 0 && candidate.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static InvalidSettingException invalid(String entry) {
        return new InvalidSettingException("FAIRWAY_TRUSTED_PROXIES has '" + entry
                + "', which is not an IP address or CIDR range such as 10.0.0.0/8 or 127.0.0.1");
    }
}
