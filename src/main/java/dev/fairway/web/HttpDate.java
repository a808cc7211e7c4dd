package dev.fairway.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} of every answer, from the service's clock: formatted once a second, not once
 * per request, since it is on every request's path and changes only each second.
 */
final class HttpDate {

    private record Formatted(long second, String text) {
    }

    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    HttpDate(Clock clock) {
        this.clock = clock;
    }

    String now() {
        Instant now = clock.instant();
        Formatted formatted = last;
        if (formatted.second() != now.getEpochSecond()) {
            formatted = new Formatted(now.getEpochSecond(),
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
            last = formatted;
        }
        return formatted.text();
    }
}
