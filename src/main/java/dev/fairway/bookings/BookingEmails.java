package dev.fairway.bookings;

import dev.fairway.config.MailSettings;
import dev.fairway.email.CalendarEvent;
import dev.fairway.email.EmailKind;
import dev.fairway.email.ICalendar;
import dev.fairway.email.OutgoingEmail;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Rate;
import dev.fairway.teesheet.TeeSheet;
import dev.fairway.teesheet.TeeTimeGrid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What a golfer is told of a booking, and when: the confirmation (with the tee time as a
 * calendar invitation) and the reminder when it is booked, the cancellation (which takes the
 * event out of the calendar again) when it is cancelled. In the course's time zone.
 */
final class BookingEmails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);

    /** The ids of a booking's emails: its id and these. */
    static final String CONFIRMED = "-confirmed";
    static final String REMINDER = "-reminder";
    static final String CANCELLED = "-cancelled";
    /** A change's email: its id and this and the booking's revision it tells of. */
    static final String CHANGED = "-changed-";

    private final MailSettings mail;

    BookingEmails(MailSettings mail) {
        this.mail = mail;
    }

    /** The email {@code kind} of {@code booking}, in words, as of {@code now}. */
    OutgoingEmail compose(String id, EmailKind kind, Course course, Booking booking, Instant now) {
        String when = when(course, booking);
        String greeting = "Hello " + booking.name() + ",\n\n";
        return switch (kind) {
            case CONFIRMATION -> new OutgoingEmail(id, booking.email(),
                    "Your tee time at " + course.name() + ": " + shortWhen(course, booking),
                    greeting + "your tee time is booked.\n\n"
                            + details(course, booking, when)
                            + "See or cancel your booking: " + link(booking) + "\n"
                            + cutoff(course)
                            + "\nThe calendar file attached adds the tee time to your calendar.\n\n"
                            + "See you on the first tee,\n" + course.name() + "\n",
                    ICalendar.of(event(course, booking, false), now));
            case REMINDER -> new OutgoingEmail(id, booking.email(),
                    "Reminder: your tee time at " + course.name() + ", " + shortWhen(course, booking),
                    greeting + "a reminder of your tee time.\n\n"
                            + details(course, booking, when)
                            + "See or cancel your booking: " + link(booking) + "\n"
                            + cutoff(course)
                            + "\n" + course.name() + "\n",
                    null);
            case CANCELLATION -> new OutgoingEmail(id, booking.email(),
                    "Cancelled: your tee time at " + course.name() + ", " + shortWhen(course, booking),
                    greeting + "your tee time is cancelled, and its spots are free for others.\n\n"
                            + details(course, booking, when)
                            + "\nThe calendar file attached removes the tee time from your calendar.\n\n"
                            + course.name() + "\n",
                    ICalendar.of(event(course, booking, true), now));
            case CHANGE -> new OutgoingEmail(id, booking.email(),
                    "Changed: your tee time at " + course.name() + " is now " + shortWhen(course, booking),
                    greeting + "the course has changed your booking. It is now:\n\n"
                            + details(course, booking, when)
                            + "See or cancel your booking: " + link(booking) + "\n"
                            + cutoff(course)
                            + "\nThe calendar file attached moves the tee time in your calendar.\n\n"
                            + course.name() + "\n",
                    ICalendar.of(event(course, booking, false), now));
            case SIGN_IN, OFFER, DRAW -> throw new IllegalArgumentException("a " + kind.stored() + " email is not a booking's");
        };
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    private String details(Course course, Booking booking, String when) {
        StringBuilder details = new StringBuilder()
                .append("Course:  ").append(course.name()).append('\n')
                .append("When:    ").append(when).append('\n')
                .append("Players: ").append(booking.players()).append('\n');
        if (!course.rules().layout().isDefault()) {
            details.append("Round:   ").append(booking.holes()).append(" holes from the ")
                    .append(BookingAnswers.teeName(booking.tee())).append(" tee");
            if (booking.turn() != null) {
                details.append(", turning at ").append(TIME.format(booking.turn().start().atZone(course.rules().zone())))
                        .append(" on the ").append(BookingAnswers.teeName(booking.turn().tee())).append(" tee");
            }
            details.append('\n');
        }
        price(course, booking).ifPresent(price -> details.append("Price:   ").append(price).append('\n'));
        return details.append('\n').toString();
    }

    /**
     * The price the booking was made at (a later change of rates leaves it), named by its rate when
     * the rate that applies still asks it; a booking from before prices were kept is priced as now.
     */
    private static Optional<String> price(Course course, Booking booking) {
        Rate rate = TeeTimeGrid.at(course.rules(), booking.start())
                .map(teeTime -> new TeeSheet(course.rules(), booking.createdAt()).rate(teeTime, booking.holes()))
                .orElse(null);
        BigDecimal each = booking.pricePerPlayer() != null ? booking.pricePerPlayer()
                : rate == null ? null : rate.pricePerPlayer();
        if (each == null) {
            return Optional.empty();
        }
        String currency = course.rules().currency().getCurrencyCode();
        BigDecimal total = each.multiply(BigDecimal.valueOf(booking.players()));
        String name = rate != null && rate.pricePerPlayer().compareTo(each) == 0 ? rate.name() + ", " : "";
        return Optional.of(currency + " " + total.toPlainString() + " (" + name + currency + " " + each.toPlainString()
                + " per player), paid at the course");
    }

    private static String cutoff(Course course) {
        int minutes = course.rules().cancellationCutoffMinutes();
        return minutes == 0 ? "" : "Cancel at least " + duration(minutes) + " before the tee time.\n";
    }

    private static String duration(int minutes) {
        if (minutes % 60 == 0) {
            int hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }

    private CalendarEvent event(Course course, Booking booking, boolean cancelled) {
        Instant end = booking.start().plus(Duration.ofMinutes(course.rules().roundMinutes()));
        String summary = "Tee time at " + course.name() + " for " + booking.players()
                + (booking.players() == 1 ? " player" : " players");
        // The invitation is at the booking's revision (0, then one more per emailed change); its
        // cancellation one above the last, so a calendar applies them in order.
        return new CalendarEvent(booking.id() + "@fairway", booking.sequence() + (cancelled ? 1 : 0), cancelled,
                booking.start(), end, summary, course.name(),
                cancelled ? "Cancelled." : "Booked for " + booking.name() + ". See or cancel: " + link(booking),
                cancelled ? null : link(booking), mail.fromAddress().getAddress(), booking.email(), booking.name());
    }

    private String link(Booking booking) {
        return mail.link("/?booking=" + booking.id());
    }

    /** "Saturday 5 December 2026 at 07:10 (America/New_York, UTC-05:00)": the offset tells the two 01:30s of a fall-back night apart. */
    private static String when(Course course, Booking booking) {
        ZonedDateTime local = booking.start().atZone(course.rules().zone());
        return WHEN.format(local) + " (" + course.rules().zone().getId() + ", UTC" + local.getOffset().getId().replace("Z", "+00:00") + ")";
    }

    private static String shortWhen(Course course, Booking booking) {
        return SHORT.format(booking.start().atZone(course.rules().zone()));
    }
}
