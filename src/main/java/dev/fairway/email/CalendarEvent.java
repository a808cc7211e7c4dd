package dev.fairway.email;

import java.time.Instant;

/**
 * One event of an iCalendar file, as an invitation or its cancellation.
 *
 * @param uid         the event's UID: the same in an invitation and its cancellation, so a calendar
 *                    that imported one removes it on the other
 * @param sequence    its revision: a cancellation has a higher one than the invitation it cancels
 * @param cancelled   whether this cancels the event ({@code METHOD:CANCEL})
 * @param start       when it starts
 * @param end         when it ends
 * @param summary     its title
 * @param location    where, or null
 * @param description more text, or null
 * @param url         a link to it, or null
 * @param organizer   the organizer's email address
 * @param attendee    the attendee's email address
 * @param attendeeName the attendee's name, or null
 */
public record CalendarEvent(String uid, int sequence, boolean cancelled, Instant start, Instant end, String summary,
                            String location, String description, String url, String organizer, String attendee,
                            String attendeeName) {
}
