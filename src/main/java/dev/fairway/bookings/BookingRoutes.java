package dev.fairway.bookings;

import dev.fairway.courses.CourseLookup;
import dev.fairway.email.Mailbox;
import dev.fairway.email.MailboxFields;
import dev.fairway.courses.CourseService;
import dev.fairway.db.Deadline;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.Golfer;
import dev.fairway.golfers.GolferAuth;
import dev.fairway.golfers.MemberService;
import dev.fairway.teesheet.Course;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.Json;
import dev.fairway.web.JsonFields;
import dev.fairway.db.resilience.Unavailability;
import dev.fairway.web.ErrorResponses;
import dev.fairway.web.Problem;
import dev.fairway.web.ProblemException;
import dev.fairway.web.Problems;
import dev.fairway.web.QueryParameters;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.RateLimiter;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The bookings API: book, look up, cancel, and the admin's day list. */
public final class BookingRoutes implements Routes {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final CourseService courses;
    private final BookingService bookings;
    private final AdminAuth admin;
    private final RateLimiter limits;
    private final MemberService members;
    private final Suspensions suspensions;
    private final BookingChanges changes;
    private final DrawGate draws;

    public BookingRoutes(CourseService courses, BookingService bookings, AdminAuth admin, RateLimiter limits,
                         MemberService members, Suspensions suspensions, BookingChanges changes, DrawGate draws) {
        this.draws = draws;
        this.courses = courses;
        this.bookings = bookings;
        this.admin = admin;
        this.limits = limits;
        this.members = members;
        this.suspensions = suspensions;
        this.changes = changes;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/courses/{courseId}/bookings", this::book);
        routes.get("/api/courses/{courseId}/bookings", this::day);
        routes.get("/api/bookings/{bookingId}", this::get);
        routes.delete("/api/bookings/{bookingId}", this::cancel);
        routes.patch("/api/bookings/{bookingId}", this::change);
        routes.get("/api/me/bookings", this::mine);
    }

    private void book(Context ctx) {
        String key = idempotencyKey(ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Instant start = body.requiredInstant("start");
        int players = body.requiredInt("players", 1, 100);
        BookingParty party = BookingParty.read(ctx, body);
        limits.booking(ctx, party.limitedAs());
        Course course = CourseLookup.existing(courses, ctx);
        PartySize.check(body, players, course);
        BookingTerms terms = party.terms(ctx, body, course, members);
        Round round = Round.of(body, course);
        if (suspended(ctx, course, terms, party)) {
            return;
        }
        DrawWait.check(ctx, draws, course, terms, start);
        BookingRequest request = new BookingRequest(course.id(), start, players, party.name(), party.email(),
                party.golferId(), party.booker(), round.tee(), round.holes());
        BookingOutcome outcome = bookings.book(course, request, terms, key, RequestDeadline.of(ctx));
        ZoneId zone = course.rules().zone();
        switch (outcome) {
            case BookingOutcome.Booked booked -> answer(ctx, BookingAnswers.booked(booked.booking(), zone),
                    booked.booking().id());
            case BookingOutcome.Replayed replayed -> replay(ctx, replayed);
            case BookingOutcome.Refused refused -> answer(ctx, BookingAnswers.refused(refused, course), null);
            case BookingOutcome.InProgress ignored -> answer(ctx, BookingAnswers.inProgress(), null);
            case BookingOutcome.KeyReused ignored -> answer(ctx, BookingAnswers.keyReused(), null);
            case BookingOutcome.NotATeeTime ignored -> answer(ctx, BookingAnswers.notATeeTime(course), null);
            case BookingOutcome.Busy ignored -> throw Problems.unavailable(Unavailability.BUSY.detail(),
                    ErrorResponses.RETRY_AFTER_SECONDS);
        }
    }

    /** 409 {@code draw-in-progress} when the start's date still waits for the party's class's draw. */
    void checkDraw(Context ctx, Course course, BookingTerms terms, Instant start) {
        DrawWait.check(ctx, draws, course, terms, start);
    }

    /** Answers 409 {@code suspended}, and says so, when the party's no-shows keep it from booking here. */
    boolean suspended(Context ctx, Course course, BookingTerms terms, BookingParty party) {
        if (terms.byStaff()) {
            return false;
        }
        Optional<Instant> until = suspensions.until(course, party.booker(), RequestDeadline.of(ctx));
        until.ifPresent(when -> answer(ctx, BookingAnswers.suspended(when, course), null));
        return until.isPresent();
    }

    /** Staff change a booking: move it, resize it, rename it, note it, check it in or mark a no-show. */
    private void change(Context ctx) {
        admin.require(ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Booking booking = bookings.find(ctx.pathParam("bookingId"), RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no booking with that id"));
        Course course = courses.find(booking.courseId(), RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no booking with that id"));
        BookingChange change = BookingChangeFields.read(body, course);
        ChangeOutcome outcome = changes.change(course, booking.id(), change, RequestDeadline.of(ctx));
        ZoneId zone = course.rules().zone();
        switch (outcome) {
            case ChangeOutcome.Changed changed -> ctx.contentType("application/json")
                    .result(Json.write(BookingAnswers.staffJson(changed.booking(), zone)));
            case ChangeOutcome.NotFound ignored -> throw Problems.notFound("there is no booking with that id");
            case ChangeOutcome.AlreadyCancelled ignored -> throw new ProblemException(Problem.of(409, "booking-cancelled",
                    "Booking cancelled", "this booking is cancelled: nothing changes it. Book the party again instead"));
            case ChangeOutcome.Refused refused -> answer(ctx, BookingAnswers.refused(refused.refusal(), course), null);
            case ChangeOutcome.NotATeeTime ignored -> answer(ctx, BookingAnswers.notATeeTime(course), null);
            case ChangeOutcome.NotStarted ignored -> throw new ProblemException(Problem.of(409, "not-started",
                    "Tee time not started", "a booking is marked a no-show only once its tee time has started"));
            case ChangeOutcome.NotToday notToday -> throw new ProblemException(Problem.of(409, "not-today",
                    "Not the tee time's day", "a booking is checked in on its tee time's day, " + notToday.teeTimeDate()));
        }
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("bookingId");
        Booking booking = bookings.find(id, RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no booking with that id"));
        Course course = courses.find(booking.courseId(), RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no booking with that id"));
        ctx.contentType("application/json").result(Json.write(BookingAnswers.json(booking, course.rules().zone())));
    }

    private void cancel(Context ctx) {
        // A wrong token never gets here: it is refused before any route, not taken for no token.
        Caller caller = Caller.of(ctx);
        CancelOutcome outcome = bookings.cancel(ctx.pathParam("bookingId"), caller.isAdmin(),
                caller.isGolfer() ? caller.golfer().id() : null, RequestDeadline.of(ctx));
        switch (outcome) {
            case CANCELLED -> ctx.status(204);
            case NOT_YOURS -> throw new ProblemException(Problem.of(403, "not-your-booking", "Not your booking",
                    "this booking is another golfer's: your sign-in cannot cancel it"));
            case NOT_FOUND -> throw Problems.notFound("there is no booking with that id");
            case CUTOFF_PASSED -> throw new ProblemException(Problem.of(409, "cancellation-cutoff",
                    "Too late to cancel", "the tee time starts within the course's cancellation cutoff: "
                            + "ask the course to cancel it"));
        }
    }

    private void mine(Context ctx) {
        Caller caller = GolferAuth.requireGolfer(ctx);
        Deadline deadline = RequestDeadline.of(ctx);
        Map<String, ZoneId> zones = new HashMap<>();
        List<Map<String, Object>> body = new ArrayList<>();
        for (Booking booking : bookings.ofGolfer(caller.golfer().id(), deadline)) {
            ZoneId zone = zones.computeIfAbsent(booking.courseId(), id -> courses.find(id, deadline)
                    .map(course -> course.rules().zone()).orElse(ZoneOffset.UTC));
            body.add(BookingAnswers.json(booking, zone));
        }
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void day(Context ctx) {
        admin.require(ctx);
        LocalDate date = QueryParameters.requiredDate(ctx, "date");
        Course course = CourseLookup.existing(courses, ctx);
        List<Map<String, Object>> body = bookings.day(course, date, RequestDeadline.of(ctx)).stream()
                .map(booking -> BookingAnswers.staffJson(booking, course.rules().zone())).toList();
        ctx.contentType("application/json").result(Json.write(body));
    }

    static String idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters, such as a UUID");
        }
        return key;
    }

    private static void answer(Context ctx, BookingAnswers.Answer answer, String bookingId) {
        if (bookingId != null && answer.status() == 201) {
            ctx.header("Location", "/api/bookings/" + bookingId);
        }
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }

    private static void replay(Context ctx, BookingOutcome.Replayed replayed) {
        StoredAnswer stored = replayed.answer();
        if (!replayed.ownEarlierAttempt()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        if (stored.bookingId() != null && stored.status() == 201) {
            ctx.header("Location", "/api/bookings/" + stored.bookingId());
        }
        ctx.status(stored.status()).contentType(stored.status() < 300 ? "application/json" : Problem.CONTENT_TYPE)
                .result(stored.body());
    }
}
