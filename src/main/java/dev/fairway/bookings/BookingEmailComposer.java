package dev.fairway.bookings;

import dev.fairway.config.MailSettings;
import dev.fairway.courses.CourseService;
import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.db.SqlSession;
import dev.fairway.email.EmailComposer;
import dev.fairway.email.EmailKind;
import dev.fairway.email.OutgoingEmail;
import dev.fairway.email.StoredEmail;
import dev.fairway.teesheet.Course;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Puts bookings' emails into words: one read for a batch of bookings, the courses from their cache. */
public final class BookingEmailComposer implements EmailComposer {

    private final Database database;
    private final CourseService courses;
    private final Clock clock;
    private final BookingEmails emails;
    private final BookingStore bookings = new BookingStore();

    public BookingEmailComposer(Database database, CourseService courses, Clock clock, MailSettings mail) {
        this.database = database;
        this.courses = courses;
        this.clock = clock;
        this.emails = new BookingEmails(mail);
    }

    @Override
    public Map<String, OutgoingEmail> compose(List<StoredEmail> stored, boolean toSend, Deadline deadline) {
        List<String> ids = stored.stream().map(StoredEmail::bookingId).distinct().toList();
        Map<String, Booking> byId = database.read("outbox.bookings", deadline, session -> bookings.withIds(session, ids))
                .stream().collect(Collectors.toMap(Booking::id, Function.identity()));
        Map<String, Optional<Course>> courseOf = new HashMap<>();
        Map<String, OutgoingEmail> composed = new HashMap<>();
        for (StoredEmail email : stored) {
            Booking booking = byId.get(email.bookingId());
            if (booking == null
                    || toSend && (email.kind() == EmailKind.REMINDER || email.kind() == EmailKind.CHANGE)
                    && booking.status() == Booking.Status.CANCELLED) {
                continue; // a reminder or a change that met its booking's cancellation on the way is not sent
            }
            courseOf.computeIfAbsent(booking.courseId(), id -> courses.find(id, deadline))
                    .ifPresent(course -> composed.put(email.id(),
                            emails.compose(email.id(), email.kind(), course, booking, clock.instant())));
        }
        return composed;
    }

    @Override
    public void sent(SqlSession session, StoredEmail email) throws SQLException {
        if (email.kind() == EmailKind.CONFIRMATION) {
            bookings.scheduleReminder(session, email.bookingId());
        }
    }
}
