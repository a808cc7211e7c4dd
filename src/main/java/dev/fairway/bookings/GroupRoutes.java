package dev.fairway.bookings;

import dev.fairway.courses.CourseLookup;
import dev.fairway.courses.CourseService;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.MemberService;
import dev.fairway.teesheet.Course;
import dev.fairway.web.Json;
import dev.fairway.web.JsonFields;
import dev.fairway.web.Problem;
import dev.fairway.web.ProblemException;
import dev.fairway.web.Problems;
import dev.fairway.web.RateLimiter;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The groups API: book several consecutive tee times all or nothing, look the group up, cancel it. */
public final class GroupRoutes implements Routes {

    static final int MAX_PLAYERS = 400;

    private final CourseService courses;
    private final GroupService groups;
    private final RateLimiter limits;
    private final MemberService members;
    private final Suspensions suspensions;
    private final DrawGate draws;

    public GroupRoutes(CourseService courses, GroupService groups, RateLimiter limits, MemberService members,
                       Suspensions suspensions, DrawGate draws) {
        this.draws = draws;
        this.courses = courses;
        this.groups = groups;
        this.limits = limits;
        this.members = members;
        this.suspensions = suspensions;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/courses/{courseId}/groups", this::book);
        routes.get("/api/groups/{groupId}", this::get);
        routes.delete("/api/groups/{groupId}", this::cancel);
    }

    private void book(Context ctx) {
        String key = BookingRoutes.idempotencyKey(ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Instant start = body.requiredInstant("start");
        int players = body.requiredInt("players", 2, MAX_PLAYERS);
        BookingParty party = BookingParty.read(ctx, body);
        limits.booking(ctx, party.limitedAs());
        Course course = CourseLookup.existing(courses, ctx);
        BookingTerms terms = party.terms(ctx, body, course, members);
        Round round = Round.of(body, course);
        if (!terms.byStaff()) {
            java.util.Optional<Instant> until = suspensions.until(course, party.booker(), RequestDeadline.of(ctx));
            if (until.isPresent()) {
                answer(ctx, BookingAnswers.suspended(until.get(), course));
                return;
            }
        }
        DrawWait.check(ctx, draws, course, terms, start);
        GroupRequest request = new GroupRequest(course.id(), start, round.tee(), round.holes(), players, party.name(),
                party.email(), party.golferId(), party.booker());
        GroupOutcome outcome = groups.book(course, request, terms, key, RequestDeadline.of(ctx));
        switch (outcome) {
            case GroupOutcome.Booked booked -> {
                ctx.header("Location", "/api/groups/" + booked.groupId());
                answer(ctx, GroupAnswers.booked(booked, course));
            }
            case GroupOutcome.Replayed replayed -> replay(ctx, replayed.answer());
            case GroupOutcome.Refused refused -> answer(ctx, GroupAnswers.refused(refused, course));
            case GroupOutcome.NotATeeTime missing -> answer(ctx, GroupAnswers.notATeeTime(missing, course));
            case GroupOutcome.InProgress ignored -> answer(ctx, BookingAnswers.inProgress());
            case GroupOutcome.KeyReused ignored -> answer(ctx, BookingAnswers.keyReused());
        }
    }

    private void get(Context ctx) {
        GroupOutcome.Booked group = groups.find(ctx.pathParam("groupId"), RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no group with that id"));
        Course course = courses.find(group.parts().getFirst().courseId(), RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no group with that id"));
        ctx.contentType("application/json").result(Json.write(GroupAnswers.json(group.groupId(), course.id(),
                group.players(), group.parts(), course.rules().zone())));
    }

    private void cancel(Context ctx) {
        Caller caller = Caller.of(ctx);
        CancelOutcome outcome = groups.cancel(ctx.pathParam("groupId"), caller.isAdmin(),
                caller.isGolfer() ? caller.golfer().id() : null, RequestDeadline.of(ctx));
        switch (outcome) {
            case CANCELLED -> ctx.status(204);
            case NOT_YOURS -> throw new ProblemException(Problem.of(403, "not-your-booking", "Not your booking",
                    "this group is another golfer's: your sign-in cannot cancel it"));
            case NOT_FOUND -> throw Problems.notFound("there is no group with that id");
            case CUTOFF_PASSED -> throw new ProblemException(Problem.of(409, "cancellation-cutoff",
                    "Too late to cancel", "a tee time of the group starts within the course's cancellation cutoff: "
                            + "ask the course to cancel it"));
        }
    }

    private static void answer(Context ctx, BookingAnswers.Answer answer) {
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }

    private static void replay(Context ctx, StoredAnswer stored) {
        ctx.header("Idempotent-Replayed", "true");
        if (stored.status() == 201) {
            ctx.header("Location", "/api/groups/" + Json.read(stored.body().getBytes(StandardCharsets.UTF_8))
                    .path("id").asText());
        }
        ctx.status(stored.status()).contentType(stored.status() < 300 ? "application/json" : Problem.CONTENT_TYPE)
                .result(stored.body());
    }
}
