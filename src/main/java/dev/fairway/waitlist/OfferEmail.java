package dev.fairway.waitlist;

import dev.fairway.bookings.Hold;
import dev.fairway.config.MailSettings;
import dev.fairway.email.EmailKind;
import dev.fairway.email.StoredEmail;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Tee;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The email of a waitlist offer: the tee time held for the golfer, until when, and the link that
 * opens the hold on the golfer's page. Written with its words, in the offer's transaction.
 */
final class OfferEmail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final MailSettings mail;

    OfferEmail(MailSettings mail) {
        this.mail = mail;
    }

    /** The link that opens the hold on the golfer's page: its id is the only credential. */
    String link(Hold hold) {
        return mail.link("/?hold=" + hold.id());
    }

    StoredEmail of(Course course, WaitlistEntry entry, Hold hold) {
        ZoneId zone = course.rules().zone();
        long minutes = Duration.between(hold.createdAt(), hold.expiresAt()).toMinutes();
        String name = entry.golferName() != null ? entry.golferName() : entry.golferEmail();
        String round = hold.holes() + " holes from the " + tee(hold.tee()) + " tee"
                + (hold.turn() == null ? "" : ", turning at " + TIME.format(hold.turn().start().atZone(zone)) + " on the "
                + tee(hold.turn().tee()) + " tee");
        String text = "Hello " + name + ",\n\n"
                + "a tee time you were waiting for has opened up, and it is held for you until "
                + TIME.format(hold.expiresAt().atZone(zone)) + " (" + minutes + (minutes == 1 ? " minute" : " minutes")
                + "):\n\n"
                + "Course:  " + course.name() + "\n"
                + "When:    " + WHEN.format(hold.start().atZone(zone)) + " (" + zone.getId() + ")\n"
                + "Players: " + hold.players() + "\n"
                + "Round:   " + round + "\n\n"
                + "Book it before then: " + link(hold) + "\n\n"
                + "If you do not, it passes to the next golfer waiting.\n\n"
                + course.name() + "\n";
        return new StoredEmail(hold.id() + "-offer", EmailKind.OFFER, null, entry.golferEmail(),
                "Held for you: a tee time at " + course.name() + ", " + SHORT.format(hold.start().atZone(zone)), text, null);
    }

    private static String tee(String tee) {
        return Tee.spoken(tee);
    }
}
