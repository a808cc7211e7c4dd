package dev.fairway.bookings;

import dev.fairway.courses.CourseLookup;
import dev.fairway.courses.CourseService;
import dev.fairway.db.resilience.Unavailability;
import dev.fairway.email.Mailbox;
import dev.fairway.email.MailboxFields;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.Golfer;
import dev.fairway.golfers.MemberService;
import dev.fairway.teesheet.Course;
import dev.fairway.web.ErrorResponses;
import dev.fairway.web.Json;
import dev.fairway.web.JsonFields;
import dev.fairway.web.ProblemException;
import dev.fairway.web.Problems;
import dev.fairway.web.RateLimiter;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/** Holds: keep a round's spots while the golfer checks out, confirm them into a booking, or let them go. */
public final class HoldRoutes implements Routes {

    private final CourseService courses;
    private final HoldService holds;
    private final BookingRoutes bookingRoutes;
    private final RateLimiter limits;
    private final MemberService members;

    public HoldRoutes(CourseService courses, HoldService holds, BookingRoutes bookingRoutes, RateLimiter limits,
                      MemberService members) {
        this.courses = courses;
        this.holds = holds;
        this.bookingRoutes = bookingRoutes;
        this.limits = limits;
        this.members = members;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/courses/{courseId}/holds", this::hold);
        routes.get("/api/holds/{holdId}", this::get);
        routes.post("/api/holds/{holdId}/confirm", this::confirm);
        routes.delete("/api/holds/{holdId}", this::release);
    }

    private void hold(Context ctx) {
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Instant start = body.requiredInstant("start");
        int players = body.requiredInt("players", 1, 100);
        Caller caller = Caller.of(ctx);
        Golfer golfer = caller.golfer();
        Optional<Mailbox> given = MailboxFields.optional(body, "email");
        if (golfer == null && given.isEmpty()) {
            throw body.invalid("email", "is required unless a golfer is signed in: a hold counts against its booker");
        }
        String email = given.map(Mailbox::address).orElseGet(() -> golfer.email());
        BookingParty party = new BookingParty(caller, golfer != null ? golfer.bookingName() : email, email,
                golfer != null ? golfer.booker() : given.get().key());
        limits.booking(ctx, party.limitedAs());
        Course course = CourseLookup.existing(courses, ctx);
        PartySize.check(body, players, course);
        BookingTerms terms = party.terms(ctx, body, course, members);
        Round round = Round.of(body, course);
        if (bookingRoutes.suspended(ctx, course, terms, party)) {
            return;
        }
        bookingRoutes.checkDraw(ctx, course, terms, start);
        HoldOutcome outcome = holds.hold(course, new HoldRequest(course.id(), start, round.tee(), round.holes(), players,
                email, party.golferId(), party.booker()), terms, RequestDeadline.of(ctx));
        switch (outcome) {
            case HoldOutcome.Held held -> {
                ctx.header("Location", "/api/holds/" + held.hold().id());
                ctx.status(201).contentType("application/json").result(Json.write(HoldAnswers.json(held.hold(),
                        course.rules().zone(), holds.clock().instant())));
            }
            case HoldOutcome.Refused refused -> {
                BookingAnswers.Answer answer = BookingAnswers.refused(refused.refusal(), course);
                ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
            }
            case HoldOutcome.HoldLimit ignored -> throw new ProblemException(HoldAnswers.holdLimit(course.id()));
            case HoldOutcome.NotATeeTime ignored -> {
                BookingAnswers.Answer answer = BookingAnswers.notATeeTime(course);
                ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
            }
            case HoldOutcome.Busy ignored -> throw Problems.unavailable(Unavailability.BUSY.detail(),
                    ErrorResponses.RETRY_AFTER_SECONDS);
        }
    }

    private void get(Context ctx) {
        Hold hold = holds.find(ctx.pathParam("holdId"), RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no hold with that id"));
        Course course = courses.find(hold.courseId(), RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no hold with that id"));
        ctx.contentType("application/json")
                .result(Json.write(HoldAnswers.json(hold, course.rules().zone(), holds.clock().instant())));
    }

    private void confirm(Context ctx) {
        BookingRoutes.idempotencyKey(ctx);
        JsonFields body = ctx.bodyAsBytes().length == 0 ? JsonFields.body(Json.read("{}".getBytes()))
                : JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Golfer golfer = Caller.of(ctx).golfer();
        String name = golfer != null && !body.has("name") ? golfer.bookingName() : body.requiredString("name", 1, 100);
        if (name.isBlank()) {
            throw body.invalid("name", "must not be blank");
        }
        String email = MailboxFields.optional(body, "email").map(Mailbox::address)
                .orElse(golfer != null ? golfer.email() : null);
        ConfirmOutcome outcome = holds.confirm(ctx.pathParam("holdId"), name, email, RequestDeadline.of(ctx));
        switch (outcome) {
            case ConfirmOutcome.Confirmed confirmed -> {
                Course course = courses.find(confirmed.booking().courseId(), RequestDeadline.of(ctx)).orElseThrow();
                ctx.header("Location", "/api/bookings/" + confirmed.booking().id());
                ctx.status(confirmed.created() ? 201 : 200).contentType("application/json")
                        .result(Json.write(BookingAnswers.json(confirmed.booking(), course.rules().zone())));
            }
            case ConfirmOutcome.NotFound ignored -> throw Problems.notFound("there is no hold with that id");
            case ConfirmOutcome.Ended ended -> throw new ProblemException(HoldAnswers.ended(ended.hold(),
                    holds.clock().instant()));
        }
    }

    private void release(Context ctx) {
        if (!holds.release(ctx.pathParam("holdId"), RequestDeadline.of(ctx))) {
            throw Problems.notFound("there is no hold with that id");
        }
        ctx.status(204);
    }
}
