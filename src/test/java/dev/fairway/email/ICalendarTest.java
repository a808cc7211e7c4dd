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

    /**
     * The probe's calendar injection (issue 23): a name and an address that carry line breaks and
     * iCalendar lines of their own are read back as exactly one event, with the values written.
     */
    @Test
    void hostile_names_and_addresses_are_read_back_as_one_event_with_the_values_written() {
        String injected = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nDTSTART:20261205T120000Z\r\n"
                + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM";
        String address = "\"" + injected + "\" <victim@b.com>";
        CalendarEvent hostile = new CalendarEvent("abc@fairway", 0, false, START, START.plusSeconds(3600),
                "Tee time\r\nBEGIN:VALARM", "Pine\u2028Valley", "Cancel: " + injected,
                "https://example.com/?booking=abc\r\nX-EVIL:1", "tee-times@example.com\r\nX-EVIL:2", address,
                injected);

        Calendar calendar = Emails.parse(ICalendar.of(hostile, START));

        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        var event = Emails.event(calendar);
        assertThat(event.getComponents()).as("no alarm or other component inside the event").isEmpty();
        assertThat(Emails.property(event, "UID")).isEqualTo("abc@fairway");
        assertThat(event.getProperties("DTSTART")).hasSize(1);
        assertThat(event.getProperties("X-EVIL")).isEmpty();
        assertThat(Emails.property(event, "SUMMARY")).isEqualTo("Tee time\nBEGIN:VALARM");
        assertThat(Emails.property(event, "DESCRIPTION")).isEqualTo("Cancel: " + injected.replace("\r", ""));
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getValue()).doesNotContain("\r", "\n")
                .startsWith("mailto:");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .doesNotContain("\r", "\n");
    }
}
