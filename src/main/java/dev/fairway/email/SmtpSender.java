package dev.fairway.email;

import dev.fairway.config.MailSettings;
import dev.fairway.config.SmtpUrl;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends email through one SMTP server with Jakarta Mail, keeping the connection open between
 * emails of a batch. Used by one worker thread at a time.
 *
 * <p>What it says of a failure never holds an address: SMTP servers repeat the recipient in their
 * replies, and customers' addresses stay out of logs.
 */
public final class SmtpSender implements MailSender, AutoCloseable {

    /** Connect, read and write each: a server that does not answer in this is treated as down. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A connection idle this long is closed before the next email: servers drop idle ones. */
    private static final Duration IDLE = Duration.ofSeconds(20);

    private final SmtpUrl url;
    private final Session session;
    private final InternetAddress from;
    private final String messageIdHost;
    private Transport transport;
    private long lastUsedNanos;

    public SmtpSender(SmtpUrl url, MailSettings mail) {
        this.url = url;
        this.session = Session.getInstance(properties(url));
        this.from = mail.fromAddress();
        this.messageIdHost = mail.publicUrl().uri().getHost();
    }

    private static Properties properties(SmtpUrl url) {
        String protocol = url.tls() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", url.host());
        properties.put(prefix + "port", String.valueOf(url.port()));
        properties.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "timeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "auth", String.valueOf(url.user().isPresent()));
        properties.put(prefix + "ssl.checkserveridentity", "true");
        if (!url.tls()) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", String.valueOf(url.starttlsRequired()));
        }
        // A recipient refused among others should not stop the rest; we send to one at a time anyway.
        properties.put(prefix + "sendpartial", "true");
        return properties;
    }

    @Override
    public void send(OutgoingEmail email) throws DeliveryFailure {
        MimeMessage message;
        try {
            message = message(email);
        } catch (MessagingException e) {
            throw new DeliveryFailure("the email could not be put together: " + e.getClass().getSimpleName(),
                    DeliveryFailure.Kind.REFUSED_FOR_GOOD);
        }
        boolean reused = transport != null && System.nanoTime() - lastUsedNanos < IDLE.toNanos();
        try {
            sendOn(reused, message);
        } catch (MessagingException first) {
            if (!reused || permanent(first)) {
                throw failure(first);
            }
            // The server may have dropped the connection we kept: try once on a new one.
            try {
                sendOn(false, message);
            } catch (MessagingException second) {
                throw failure(second);
            }
        }
    }

    private void sendOn(boolean reuse, MimeMessage message) throws MessagingException {
        if (!reuse) {
            disconnect();
            Transport fresh = session.getTransport();
            if (url.user().isPresent()) {
                fresh.connect(url.user().get(), url.password().reveal());
            } else {
                fresh.connect();
            }
            transport = fresh;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            lastUsedNanos = System.nanoTime();
        } catch (MessagingException e) {
            if (!permanent(e)) {
                disconnect();
            }
            throw e;
        }
    }

    private MimeMessage message(OutgoingEmail email) throws MessagingException {
        String messageId = "<" + email.id() + "@" + messageIdHost + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // One email, one Message-ID, however many times it is tried: receivers drop repeats.
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), false));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (email.calendar() == null) {
            message.setText(email.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart calendar = new MimeBodyPart();
            String method = email.calendar().contains("\r\nMETHOD:CANCEL\r\n") ? "CANCEL" : "REQUEST";
            calendar.setContent(email.calendar(), "text/calendar; charset=UTF-8; method=" + method + "; name=tee-time.ics");
            calendar.setFileName("tee-time.ics");
            calendar.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(text, calendar));
        }
        message.saveChanges();
        return message;
    }

    /** Whether trying again cannot help: the server refused this email or its recipient with a 5xx. */
    private static boolean permanent(MessagingException e) {
        return replyCode(e) >= 500 && !loginRefused(e);
    }

    /** Whether the server wants a login it did not get (530) or refused ours: no email of ours can go. */
    private static boolean loginRefused(MessagingException e) {
        int code = replyCode(e);
        return e instanceof AuthenticationFailedException || code == 530 || code == 534 || code == 535;
    }

    /** The SMTP reply code of a refusal, or 0 when the server gave none (it could not be reached, say). */
    private static int replyCode(MessagingException e) {
        for (Throwable t = e; t != null; t = t instanceof MessagingException m ? m.getNextException() : null) {
            if (t instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException refused) {
                return refused.getReturnCode();
            }
        }
        return 0;
    }

    private DeliveryFailure failure(MessagingException e) {
        int code = replyCode(e);
        if (loginRefused(e)) {
            return new DeliveryFailure("the SMTP server " + url.redacted() + " refused the login (" + code + ")",
                    DeliveryFailure.Kind.SERVER_UNAVAILABLE);
        }
        if (code >= 500) {
            return new DeliveryFailure("the SMTP server refused the email for good (" + code + ")",
                    DeliveryFailure.Kind.REFUSED_FOR_GOOD);
        }
        if (code >= 400 || e instanceof SendFailedException) {
            return new DeliveryFailure("the SMTP server refused the email for now (" + (code > 0 ? code : "no code") + ")",
                    DeliveryFailure.Kind.REFUSED_FOR_NOW);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new DeliveryFailure("the SMTP server " + url.redacted() + " cannot be reached ("
                + cause.getClass().getSimpleName() + ")", DeliveryFailure.Kind.SERVER_UNAVAILABLE);
    }

    private void disconnect() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // It is being dropped either way.
            }
            transport = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
