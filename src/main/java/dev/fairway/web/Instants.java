package dev.fairway.web;

import dev.fairway.teesheet.TeeTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the contract writes them: ISO-8601 with the offset of the course's zone. */
public final class Instants {

    private Instants() {
    }

    public static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone));
    }

    /** {@code 2026-12-01T07:10:00-05:00}: seconds always written, offset as the zone had it then. */
    public static String format(TeeTime teeTime) {
        StringBuilder text = new StringBuilder(25);
        text.append(teeTime.date()).append('T');
        int seconds = teeTime.time().toSecondOfDay();
        two(text, seconds / 3600).append(':');
        two(text, seconds / 60 % 60).append(':');
        two(text, seconds % 60);
        return text.append(teeTime.offset().getId()).toString();
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
