package dev.fairway.bookings;

import dev.fairway.email.Mailbox;
import dev.fairway.email.MailboxFields;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.Golfer;
import dev.fairway.golfers.MemberService;
import dev.fairway.teesheet.Course;
import dev.fairway.web.JsonFields;
import dev.fairway.web.Problems;
import dev.fairway.web.RequestDeadline;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who a booking or a group is for, read from its request: the name and email it is made under
 * (a signed-in golfer's own when the body leaves them out), and who its limits count against.
 *
 * @param caller the caller
 * @param name   the name, not blank
 * @param email  the email, or null
 * @param booker the signed-in golfer's booker key or the email's, or null
 */
record BookingParty(Caller caller, String name, String email, String booker) {

    static BookingParty read(Context ctx, JsonFields body) {
        Caller caller = Caller.of(ctx);
        Golfer golfer = caller.golfer();
        String name = golfer != null && !body.has("name") ? golfer.bookingName() : body.requiredString("name", 1, 100);
        if (name.isBlank()) {
            throw body.invalid("name", "must not be blank");
        }
        Optional<Mailbox> given = MailboxFields.optional(body, "email");
        String email = given.map(Mailbox::address).orElse(golfer != null ? golfer.email() : null);
        String booker = golfer != null ? golfer.booker() : given.map(Mailbox::key).orElse(null);
        return new BookingParty(caller, name, email, booker);
    }

    /** Who the request counts against for the rate limits: the golfer, else the email, else null. */
    String limitedAs() {
        return caller.golfer() != null ? caller.golfer().id() : booker;
    }

    String golferId() {
        return caller.golfer() == null ? null : caller.golfer().id();
    }

    /**
     * The terms the course gives this party: its class, or the staff's. Refuses an anonymous
     * caller where the course wants golfers signed in, and a party without an email where the
     * course limits bookings per golfer.
     */
    BookingTerms terms(Context ctx, JsonFields body, Course course, MemberService members) {
        if (course.rules().policy().signInRequired() && caller.kind() == Caller.Kind.ANONYMOUS) {
            throw Problems.signInRequired("course " + course.id() + " takes bookings from signed-in golfers only: "
                    + "sign in (POST /api/sign-in) and send 'Authorization: Bearer <token>'");
        }
        BookingTerms terms = new BookingTerms(caller.isAdmin() ? course.rules().publicClass()
                : members.classOf(course, caller, RequestDeadline.of(ctx)), caller.isAdmin());
        if (terms.limited() && booker == null) {
            throw body.invalid("email", "is required: course " + course.id() + " limits bookings per golfer, and "
                    + "counts a booker who is not signed in by email");
        }
        return terms;
    }
}
