package dev.fairway.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * How Fairway sends email.
 *
 * @param smtp      {@code FAIRWAY_SMTP_URL}; empty: nothing is sent, emails wait in the outbox
 * @param from      {@code FAIRWAY_MAIL_FROM}: the sender, {@code Name <address>} or an address
 * @param publicUrl {@code FAIRWAY_PUBLIC_URL}: where golfers reach Fairway; every link in an email starts with it
 */
public record MailSettings(Optional<SmtpUrl> smtp, String from, URI publicUrl) {

    public MailSettings {
        parse(from);
    }

    public static final String FROM = "Fairway <no-reply@localhost>";
    public static final URI PUBLIC_URL = URI.create("http://localhost:8080");

    public static MailSettings defaults() {
        return new MailSettings(Optional.empty(), FROM, PUBLIC_URL);
    }

    /** These settings, sending through {@code url}. */
    public MailSettings withSmtp(SmtpUrl url) {
        return new MailSettings(Optional.of(url), from, publicUrl);
    }

    /** The sender, parsed. */
    public InternetAddress fromAddress() {
        return parse(from);
    }

    private static InternetAddress parse(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new InvalidSettingException("FAIRWAY_MAIL_FROM must be an address, or Name <address>, such as "
                    + FROM);
        }
    }

    /** A link into Fairway: {@code path} (with its query) after the public URL. */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
