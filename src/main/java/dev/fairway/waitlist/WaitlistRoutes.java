package dev.fairway.waitlist;

import dev.fairway.bookings.HoldAnswers;
import dev.fairway.bookings.PartySize;
import dev.fairway.bookings.RoundLength;
import dev.fairway.bookings.Suspensions;
import dev.fairway.courses.CourseLookup;
import dev.fairway.courses.CourseService;
import dev.fairway.db.Deadline;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.GolferAuth;
import dev.fairway.teesheet.Course;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import dev.fairway.web.JsonFields;
import dev.fairway.web.Problem;
import dev.fairway.web.ProblemException;
import dev.fairway.web.Problems;
import dev.fairway.web.QueryParameters;
import dev.fairway.web.RateLimiter;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The waitlist: signed-in golfers join and leave it; the staff read a day's. */
public final class WaitlistRoutes implements Routes {

    private final CourseService courses;
    private final WaitlistService waitlist;
    private final AdminAuth admin;
    private final RateLimiter limits;
    private final Suspensions suspensions;

    public WaitlistRoutes(CourseService courses, WaitlistService waitlist, AdminAuth admin, RateLimiter limits,
                          Suspensions suspensions) {
        this.courses = courses;
        this.waitlist = waitlist;
        this.admin = admin;
        this.limits = limits;
        this.suspensions = suspensions;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/courses/{courseId}/waitlist", this::join);
        routes.get("/api/courses/{courseId}/waitlist", this::day);
        routes.get("/api/me/waitlist", this::mine);
        routes.delete("/api/waitlist/{entryId}", this::leave);
    }

    private void join(Context ctx) {
        Caller caller = GolferAuth.requireGolfer(ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        LocalDate date = body.requiredDate("date");
        LocalTime from = body.requiredTime("from");
        LocalTime until = body.requiredTime("until");
        int players = body.requiredInt("players", 1, 100);
        limits.booking(ctx, caller.golfer().id());
        Course course = CourseLookup.existing(courses, ctx);
        PartySize.check(body, players, course);
        int holes = RoundLength.of(body, course);
        if (!from.isBefore(until)) {
            throw body.invalid("until", "must be after from");
        }
        ZoneId zone = course.rules().zone();
        if (date.isBefore(LocalDate.ofInstant(waitlist.clock().instant(), zone))) {
            throw body.invalid("date", "must be today or later at the course (" + zone.getId() + ")");
        }
        Deadline deadline = RequestDeadline.of(ctx);
        Optional<Instant> suspended = suspensions.until(course, caller.golfer().booker(), deadline);
        if (suspended.isPresent()) {
            ctx.status(409).contentType(Problem.CONTENT_TYPE).result(HoldAnswers.suspended(suspended.get(), course));
            return;
        }
        Optional<WaitlistEntry> joined = waitlist.join(course, caller.golfer(),
                new WaitlistService.Wanted(date, from, until, players, holes), deadline);
        if (joined.isEmpty()) {
            throw new ProblemException(Problem.of(409, "waitlist-limit", "Waitlist limit reached",
                    "you are waiting for " + WaitlistService.MAX_WAITING + " tee times at course " + course.id()
                            + " already: leave one of those waitlists to join another"));
        }
        ctx.status(201).contentType("application/json").result(Json.write(json(joined.get(), zone, false)));
    }

    private void day(Context ctx) {
        admin.require(ctx);
        LocalDate date = QueryParameters.requiredDate(ctx, "date");
        Course course = CourseLookup.existing(courses, ctx);
        List<Map<String, Object>> body = waitlist.day(course.id(), date, RequestDeadline.of(ctx)).stream()
                .map(entry -> json(entry, course.rules().zone(), true)).toList();
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void mine(Context ctx) {
        Caller caller = GolferAuth.requireGolfer(ctx);
        Deadline deadline = RequestDeadline.of(ctx);
        Map<String, ZoneId> zones = new HashMap<>();
        List<Map<String, Object>> body = new ArrayList<>();
        for (WaitlistEntry entry : waitlist.mine(caller.golfer().id(), deadline)) {
            ZoneId zone = zones.computeIfAbsent(entry.courseId(), id -> courses.find(id, deadline)
                    .map(course -> course.rules().zone()).orElse(ZoneOffset.UTC));
            body.add(json(entry, zone, false));
        }
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void leave(Context ctx) {
        switch (waitlist.leave(ctx.pathParam("entryId"), Caller.of(ctx), RequestDeadline.of(ctx))) {
            case LEFT -> ctx.status(204);
            case NOT_FOUND -> throw Problems.notFound("there is no waitlist entry with that id");
            case NOT_YOURS -> throw new ProblemException(Problem.of(403, "not-your-entry", "Not your waitlist entry",
                    "this waitlist entry is another golfer's: sign in as that golfer, or ask the course"));
        }
    }

    /** An entry as the contract shows it; the staff see whose it is too. */
    static Map<String, Object> json(WaitlistEntry entry, ZoneId zone, boolean forStaff) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("courseId", entry.courseId());
        json.put("date", entry.date().toString());
        json.put("from", entry.from().toString());
        json.put("until", entry.until().toString());
        json.put("players", entry.players());
        json.put("holes", entry.holes());
        json.put("status", entry.status());
        json.put("createdAt", Instants.format(entry.createdAt(), zone));
        if (entry.holdId() != null) {
            json.put("holdId", entry.holdId());
        }
        if (forStaff) {
            json.put("name", entry.golferName() != null ? entry.golferName() : entry.golferEmail());
            json.put("email", entry.golferEmail());
        }
        return json;
    }
}
