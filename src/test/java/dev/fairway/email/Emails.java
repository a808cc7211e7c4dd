package dev.fairway.email;

import dev.fairway.support.MailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/** Reads the emails the tests receive: their text, and their calendar file through ical4j. */
final class Emails {

    private Emails() {
    }

    /** The plain-text body. */
    static String text(MailServer.Received received) {
        try {
            Object content = received.message().getContent();
            if (content instanceof String text) {
                return text;
            }
            MimeMultipart parts = (MimeMultipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new AssertionError("no text/plain part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code tee-time.ics} part, whole. */
    static BodyPart calendarPart(MailServer.Received received) {
        try {
            MimeMultipart parts = (MimeMultipart) received.message().getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if ("tee-time.ics".equals(part.getFileName())) {
                    return part;
                }
            }
            throw new AssertionError("no tee-time.ics part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The calendar file as sent. */
    static String calendarText(MailServer.Received received) {
        try {
            return new String(calendarPart(received).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calendar file, parsed by ical4j. */
    static Calendar calendar(MailServer.Received received) {
        return parse(calendarText(received));
    }

    static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j cannot parse the calendar file: " + e.getMessage() + "\n" + ics, e);
        }
    }

    static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    static String property(Calendar calendar, String name) {
        return calendar.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    static String property(VEvent event, String name) {
        return event.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    static String subject(MailServer.Received received) {
        try {
            return received.message().getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage message(MailServer.Received received) {
        return received.message();
    }
}
