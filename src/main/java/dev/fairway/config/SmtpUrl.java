package dev.fairway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where email goes, from {@code FAIRWAY_SMTP_URL}: {@code smtp://[user[:password]@]host[:port]}
 * (STARTTLS when the server offers it; {@code ?starttls=required} to insist) or
 * {@code smtps://...} (TLS from the first byte).
 *
 * @param host             the SMTP server
 * @param port             its port (default 25 for smtp, 465 for smtps)
 * @param tls              TLS from the first byte (smtps)
 * @param starttlsRequired refuse to send unless the server upgrades the connection to TLS
 * @param user             the login, if any
 * @param password         its password, never printed
 */
public record SmtpUrl(String host, int port, boolean tls, boolean starttlsRequired, Optional<String> user,
                      Secret password) {

    static final String SETTING = "FAIRWAY_SMTP_URL";

    public static SmtpUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL: expected smtp://user:password@host:587 or smtps://user:password@host:465");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw invalid("must start with smtp:// or smtps://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("names no host: expected smtp://user:password@host:587");
        }
        boolean tls = scheme.equals("smtps");
        int port = uri.getPort() < 0 ? (tls ? 465 : 25) : uri.getPort();
        boolean required = false;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.equals("starttls=required")) {
                    required = true;
                } else if (!parameter.isEmpty() && !parameter.equals("starttls=optional")) {
                    throw invalid("has an unknown parameter " + parameter.split("=", 2)[0]
                            + ": only starttls=required (or optional) is known");
                }
            }
        }
        Optional<String> user = Optional.empty();
        Secret password = Secret.NONE;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
            if (parts.length == 2) {
                password = new Secret(decode(parts[1]));
            }
        }
        return new SmtpUrl(uri.getHost(), port, tls, required, user, password);
    }

    /** The URL as it may be printed: no password. */
    public String redacted() {
        return (tls ? "smtps://" : "smtp://") + user.map(u -> u + (password.isEmpty() ? "" : ":***") + "@").orElse("")
                + host + ":" + port + (starttlsRequired ? "?starttls=required" : "");
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static InvalidSettingException invalid(String problem) {
        return new InvalidSettingException(SETTING + " " + problem);
    }
}
