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
 * @param publicUrl {@code FAIRWAY_PUBLIC_URL}, else the listening port's: every link in an email starts with it
 * @param console   {@code FAIRWAY_SMTP_URL=console}: emails are printed to the console instead of sent
 */
public record MailSettings(Optional<SmtpUrl> smtp, String from, PublicUrl publicUrl, boolean console) {

    public MailSettings {
        parse(from);
    }

    public static final String FROM = "Fairway <no-reply@localhost>";
    /** {@code FAIRWAY_SMTP_URL}'s value that prints emails instead of sending them. */
    public static final String CONSOLE = "console";

    /** Settings that send through {@code smtp}, with links to {@code publicUrl}. */
    public MailSettings(Optional<SmtpUrl> smtp, String from, URI publicUrl) {
        this(smtp, from, PublicUrl.given(publicUrl), false);
    }

    public static MailSettings defaults() {
        return new MailSettings(Optional.empty(), FROM, PublicUrl.ofListeningPort(Settings.PORT), false);
    }

    /** These settings, sending through {@code url}. */
    public MailSettings withSmtp(SmtpUrl url) {
        return new MailSettings(Optional.of(url), from, publicUrl, false);
    }

    /** Whether emails leave the outbox at all: through SMTP, or printed to the console. */
    public boolean delivers() {
        return smtp.isPresent() || console;
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
        String base = publicUrl.uri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
