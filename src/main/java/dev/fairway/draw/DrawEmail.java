package dev.fairway.draw;

import dev.fairway.config.MailSettings;
import dev.fairway.email.EmailKind;
import dev.fairway.email.StoredEmail;
import dev.fairway.teesheet.Course;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The email of an entry the draw could give none of its tee times: its place, and where to see
 * the draw and what is left. A winner's email is its booking's confirmation.
 */
final class DrawEmail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private final MailSettings mail;

    DrawEmail(MailSettings mail) {
        this.mail = mail;
    }

    StoredEmail lost(Course course, DrawEntry entry, int position, int entries) {
        String day = DAY.format(entry.date());
        String name = entry.golferName() != null ? entry.golferName() : entry.golferEmail();
        String text = "Hello " + name + ",\n\n"
                + "the draw for tee times at " + course.name() + " on " + day + " is done. Your entry came "
                + position + " of " + entries + ", and by then none of the tee times you chose had room for your party"
                + " (or your booking limits were reached), so you have no booking from it.\n\n"
                + "What is left on that day is open to book now, first come, first served:\n"
                + mail.link("/?course=" + course.id() + "&date=" + entry.date()) + "\n\n"
                + "The draw's seed, order and outcomes, to check it was fair:\n"
                + mail.link("/api/courses/" + course.id() + "/draws/" + entry.date() + "?bookingClass="
                + entry.key().bookingClass()) + "\n\n"
                + course.name() + "\n";
        return new StoredEmail(entry.id() + "-draw", EmailKind.DRAW, null, entry.golferEmail(),
                "The draw for " + course.name() + ", " + day + ": no tee time this time", text, null);
    }
}
