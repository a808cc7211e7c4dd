package dev.fairway.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes an iCalendar file (RFC 5545) of one event, as an iTIP invitation or cancellation
 * (RFC 5546). Written by hand: the file is a dozen lines, and the libraries that write it
 * (ical4j) are many times the size of everything else we send; ical4j reads it back in the tests.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Content lines are folded at 75 octets (RFC 5545 §3.1). */
    private static final int LINE_OCTETS = 75;

    private ICalendar() {
    }

    /** The file of {@code event}, stamped {@code now}: CRLF line ends, long lines folded. */
    public static String of(CalendarEvent event, Instant now) {
        StringBuilder file = new StringBuilder(1024);
        line(file, "BEGIN:VCALENDAR");
        line(file, "VERSION:2.0");
        line(file, "PRODID:-//Fairway//Tee times//EN");
        line(file, "CALSCALE:GREGORIAN");
        line(file, "METHOD:" + (event.cancelled() ? "CANCEL" : "REQUEST"));
        line(file, "BEGIN:VEVENT");
        line(file, "UID:" + text(event.uid()));
        line(file, "SEQUENCE:" + event.sequence());
        line(file, "DTSTAMP:" + utc(now));
        line(file, "DTSTART:" + utc(event.start()));
        line(file, "DTEND:" + utc(event.end()));
        line(file, "SUMMARY:" + text(event.summary()));
        if (event.location() != null) {
            line(file, "LOCATION:" + text(event.location()));
        }
        if (event.description() != null) {
            line(file, "DESCRIPTION:" + text(event.description()));
        }
        if (event.url() != null) {
            line(file, "URL:" + uri(event.url()));
        }
        line(file, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(file, "ORGANIZER:mailto:" + uri(event.organizer()));
        line(file, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE"
                + (event.attendeeName() == null ? "" : ";CN=" + parameter(event.attendeeName()))
                + ":mailto:" + uri(event.attendee()));
        line(file, "END:VEVENT");
        line(file, "END:VCALENDAR");
        return file.toString();
    }

    private static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\', ';', ',' -> escaped.append('\\').append(c);
                case '\n' -> escaped.append("\\n");
                case '\r' -> { }
                default -> escaped.append(breaksLines(c) ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /**
     * A URI value (a {@code mailto:} address, a link): it cannot be escaped the way text is, so
     * whatever could end the line or the value is percent-encoded. Addresses reach here as one
     * mailbox each ({@link Mailbox}); this holds even if one did not.
     */
    static String uri(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (breaksLines(c) || c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\') {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /** Control characters and Unicode's own line and paragraph separators. */
    private static boolean breaksLines(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }

    /** A parameter value: quoted, with the characters a quoted value cannot hold left out. */
    static String parameter(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().filter(c -> c != '"' && !breaksLines(c)).forEach(quoted::appendCodePoint);
        return quoted.append('"').toString();
    }

    /** Appends a content line, folded so that no line is longer than 75 octets, never inside a character. */
    private static void line(StringBuilder file, String content) {
        int octets = 0;
        int limit = LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                file.append("\r\n ");
                octets = 0;
                limit = LINE_OCTETS - 1;
            }
            file.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        file.append("\r\n");
    }
}
