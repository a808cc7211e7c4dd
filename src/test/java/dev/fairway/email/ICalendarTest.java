package dev.fairway.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

class ICalendarTest {

    private static final Instant START = Instant.parse("2026-12-05T12:10:00Z");

    private static CalendarEvent event(String summary, String name) {
        return new CalendarEvent("abc@fairway", 0, false, START, START.plusSeconds(4 * 3600), summary, "Pine Valley",
                "Booked; see, or cancel:\nhttps://example.com/?booking=abc", "https://example.com/?booking=abc",
                "tee-times@example.com", "ann@example.com", name);
    }

    @Test
    void lines_end_in_crlf_and_none_is_longer_than_75_octets_even_with_wide_characters() {
        String longSummary = "Tee time at Le Golf National, Parcours de l’Albatros ⛳ — for 4 players ".repeat(3).strip();
        String ics = ICalendar.of(event(longSummary, "Zoë Ünal-Ødegård"), Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(ics).endsWith("\r\n").doesNotContain("\n\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Calendar calendar = Emails.parse(ics);
        assertThat(Emails.property(Emails.event(calendar), "SUMMARY")).isEqualTo(longSummary);
    }

    @Test
    void text_is_escaped_so_that_a_parser_reads_it_back_as_written() {
        String summary = "Pine Valley; back nine, \\ front nine";
        Calendar calendar = Emails.parse(ICalendar.of(event(summary, "Ann \"The Ace\" Smith"), START));
        assertThat(Emails.property(Emails.event(calendar), "SUMMARY")).isEqualTo(summary);
        assertThat(Emails.property(Emails.event(calendar), "DESCRIPTION"))
                .isEqualTo("Booked; see, or cancel:\nhttps://example.com/?booking=abc");
        assertThat(Emails.event(calendar).getProperty("ATTENDEE").orElseThrow().getParameter("CN").orElseThrow()
                .getValue()).isEqualTo("Ann The Ace Smith");
    }

    @Test
    void an_invitation_is_a_request_and_its_cancellation_cancels_the_same_uid_at_a_higher_sequence() {
        CalendarEvent invited = event("Tee time", "Ann");
        CalendarEvent cancelled = new CalendarEvent(invited.uid(), 1, true, invited.start(), invited.end(),
                invited.summary(), invited.location(), "Cancelled.", null, invited.organizer(), invited.attendee(),
                invited.attendeeName());
        Calendar request = Emails.parse(ICalendar.of(invited, START));
        Calendar cancel = Emails.parse(ICalendar.of(cancelled, START));
        assertThat(Emails.property(request, "METHOD")).isEqualTo("REQUEST");
        assertThat(Emails.property(cancel, "METHOD")).isEqualTo("CANCEL");
        assertThat(Emails.property(Emails.event(cancel), "UID")).isEqualTo("abc@fairway");
        assertThat(Emails.property(Emails.event(cancel), "SEQUENCE")).isEqualTo("1");
        assertThat(Emails.property(Emails.event(cancel), "STATUS")).isEqualTo("CANCELLED");
        assertThat(Emails.event(cancel).getProperty("URL")).isEmpty();
    }
}
