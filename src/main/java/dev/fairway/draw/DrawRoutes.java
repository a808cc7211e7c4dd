package dev.fairway.draw;

import dev.fairway.bookings.HoldAnswers;
import dev.fairway.bookings.PartySize;
import dev.fairway.bookings.RoundLength;
import dev.fairway.bookings.Suspensions;
import dev.fairway.courses.CourseLookup;
import dev.fairway.courses.CourseService;
import dev.fairway.db.Deadline;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.GolferAuth;
import dev.fairway.golfers.MemberService;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Layout;
import dev.fairway.teesheet.Rounds;
import dev.fairway.teesheet.Tee;
import dev.fairway.teesheet.TeeSheet;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeGrid;
import dev.fairway.web.Instants;
import dev.fairway.web.InvalidRequestException;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fair release: golfers enter a class's draw, and anyone reads a draw's seed, order and outcomes. */
public final class DrawRoutes implements Routes {

    private static final int MAX_PREFERENCES = 5;

    private final CourseService courses;
    private final DrawService draws;
    private final MemberService members;
    private final Suspensions suspensions;
    private final RateLimiter limits;

    public DrawRoutes(CourseService courses, DrawService draws, MemberService members, Suspensions suspensions,
                      RateLimiter limits) {
        this.courses = courses;
        this.draws = draws;
        this.members = members;
        this.suspensions = suspensions;
        this.limits = limits;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/courses/{courseId}/entries", this::enter);
        routes.get("/api/me/entries", this::mine);
        routes.delete("/api/entries/{entryId}", this::withdraw);
        routes.get("/api/courses/{courseId}/draws/{date}", this::draw);
    }

    private void enter(Context ctx) {
        Caller caller = GolferAuth.requireGolfer(ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        LocalDate date = body.requiredDate("date");
        int players = body.requiredInt("players", 1, 100);
        limits.booking(ctx, caller.golfer().id());
        Course course = CourseLookup.existing(courses, ctx);
        PartySize.check(body, players, course);
        int holes = RoundLength.of(body, course);
        Deadline deadline = RequestDeadline.of(ctx);
        BookingClass bookingClass = members.classOf(course, caller, deadline);
        if (!bookingClass.draw()) {
            throw new ProblemException(Problem.of(409, "not-a-draw", "No draw for your class",
                    "tee times of course " + course.id() + " open to your class (" + bookingClass.name()
                            + ") first come, first served: book them once they open"));
        }
        List<DrawEntry.Preference> preferences = preferences(body, course, bookingClass, date, players, holes);
        Optional<Instant> suspended = suspensions.until(course, caller.golfer().booker(), deadline);
        if (suspended.isPresent()) {
            ctx.status(409).contentType(Problem.CONTENT_TYPE).result(HoldAnswers.suspended(suspended.get(), course));
            return;
        }
        ZoneId zone = course.rules().zone();
        switch (draws.enter(course, caller.golfer(), bookingClass, date, players, holes, preferences, deadline)) {
            case DrawService.Entering.Entered entered -> ctx.status(entered.created() ? 201 : 200)
                    .contentType("application/json").result(Json.write(entryJson(entered.entry(), entered.drawAt(), zone)));
            case DrawService.Entering.NotOpen notOpen -> problemWith(ctx, Problem.of(409, "entries-not-open",
                    "Entries not open yet", "entries to the draw for " + date + " open at "
                            + Instants.format(notOpen.opensAt(), zone)), "opensAt",
                    Instants.format(notOpen.opensAt(), zone));
            case DrawService.Entering.Closed ignored -> throw closed(date);
        }
    }

    /** The preferences, each a round of the date the golfer could book but for the draw. */
    private List<DrawEntry.Preference> preferences(JsonFields body, Course course, BookingClass bookingClass,
                                                   LocalDate date, int players, int holes) {
        List<JsonFields> given = body.objectArray("preferences", MAX_PREFERENCES);
        if (given.isEmpty()) {
            throw body.invalid("preferences", "must list 1 to " + MAX_PREFERENCES + " tee times of " + date
                    + ", in the order you want them");
        }
        Layout layout = course.rules().layout();
        List<TeeTime> grid = TeeTimeGrid.on(course.rules(), date);
        TeeSheet sheet = new TeeSheet(course.rules(), draws.clock().instant(), bookingClass);
        List<DrawEntry.Preference> preferences = new ArrayList<>();
        Set<DrawEntry.Preference> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JsonFields preference = given.get(i);
            String field = "preferences[" + i + "]";
            Instant start = preference.requiredInstant("start");
            String teeName = preference.optionalString("tee", 1, 8).orElse(layout.firstTee().name());
            Optional<Tee> tee = layout.tee(teeName);
            if (tee.isEmpty()) {
                throw new InvalidRequestException(field + ".tee", field + ".tee must be one of the course's tees "
                        + layout.tees().stream().map(Tee::name).toList());
            }
            Optional<TeeTime> teeTime = TeeTimeGrid.at(course.rules(), start).filter(t -> t.date().equals(date));
            if (teeTime.isEmpty() || !tee.get().startsAt(teeTime.get())
                    || !(Rounds.plan(layout, tee.get(), teeTime.get(), holes, grid) instanceof Rounds.Slots)) {
                throw new ProblemException(Problem.of(422, "not-a-tee-time", "Not a tee time", field + " is no tee time "
                        + "of " + date + " at which a " + holes + "-hole round starts from that tee: choose one from its "
                        + "availability"));
            }
            int least = sheet.minPlayers(teeTime.get());
            if (players < least) {
                throw new ProblemException(Problem.of(409, "too-few-players", "Too few players", field + " takes "
                        + "bookings of at least " + least + " players"));
            }
            DrawEntry.Preference chosen = new DrawEntry.Preference(teeTime.get().instant(), tee.get().name());
            if (!seen.add(chosen)) {
                throw new InvalidRequestException(field, field + " is listed twice");
            }
            preferences.add(chosen);
        }
        return preferences;
    }

    private void mine(Context ctx) {
        Caller caller = GolferAuth.requireGolfer(ctx);
        Deadline deadline = RequestDeadline.of(ctx);
        List<Map<String, Object>> body = new ArrayList<>();
        for (DrawEntry entry : draws.ofGolfer(caller.golfer().id(), deadline)) {
            Optional<Course> course = courses.find(entry.key().courseId(), deadline);
            if (course.isEmpty()) {
                continue;
            }
            Course at = course.get();
            Instant drawAt = at.rules().policy().bookingClass(entry.key().bookingClass(), at.rules().bookingWindowDays())
                    .map(c -> DrawService.drawAt(at, c, entry.date())).orElse(null);
            body.add(entryJson(entry, drawAt, at.rules().zone()));
        }
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void withdraw(Context ctx) {
        Caller caller = Caller.of(ctx);
        Deadline deadline = RequestDeadline.of(ctx);
        DrawEntry entry = draws.entry(ctx.pathParam("entryId"), deadline).filter(e -> e.status().equals("entered"))
                .orElseThrow(() -> Problems.notFound("there is no entry with that id"));
        if (!caller.isAdmin() && !(caller.isGolfer() && caller.golfer().id().equals(entry.golferId()))) {
            throw caller.isGolfer() ? new ProblemException(Problem.of(403, "not-your-entry", "Not your entry",
                    "this entry is another golfer's")) : Problems.signInRequired("sign in as the golfer who entered");
        }
        Course course = courses.find(entry.key().courseId(), deadline)
                .orElseThrow(() -> Problems.notFound("there is no entry with that id"));
        BookingClass bookingClass = course.rules().policy()
                .bookingClass(entry.key().bookingClass(), course.rules().bookingWindowDays())
                .orElseThrow(() -> closed(entry.date()));
        if (!draws.withdraw(course, bookingClass, entry, deadline)) {
            throw closed(entry.date());
        }
        ctx.status(204);
    }

    private void draw(Context ctx) {
        Course course = CourseLookup.existing(courses, ctx);
        Optional<LocalDate> date = JsonFields.date(ctx.pathParam("date"));
        if (date.isEmpty()) {
            throw new InvalidRequestException("date", "date must be a date such as 2026-12-05");
        }
        String className = Optional.ofNullable(ctx.queryParam("bookingClass")).orElse(BookingClass.PUBLIC);
        BookingClass bookingClass = course.rules().policy().bookingClass(className, course.rules().bookingWindowDays())
                .filter(BookingClass::draw)
                .orElseThrow(() -> Problems.notFound("course " + course.id() + " has no draw for class " + className));
        ZoneId zone = course.rules().zone();
        Optional<DrawService.View> view = draws.view(course, bookingClass, date.get(), RequestDeadline.of(ctx));
        if (view.isEmpty()) {
            Instant opensAt = DrawService.opensAt(course, bookingClass, date.get());
            problemWith(ctx, Problem.of(409, "entries-not-open", "Entries not open yet", "entries to the draw for "
                    + date.get() + " open at " + Instants.format(opensAt, zone) + "; its seed is fixed from then"),
                    "opensAt", Instants.format(opensAt, zone));
            return;
        }
        Draw draw = view.get().draw();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date.get().toString());
        json.put("bookingClass", bookingClass.name());
        json.put("drawAt", Instants.format(draw.drawAt(), zone));
        json.put("seedSha256", draw.seedSha256());
        json.put("status", draw.done() ? "done" : "open");
        json.put("entries", view.get().entries());
        if (draw.done()) {
            json.put("seed", java.util.HexFormat.of().formatHex(draw.seed()));
            List<Map<String, Object>> results = new ArrayList<>();
            for (DrawEntry entry : view.get().drawn()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("entryId", entry.id());
                result.put("position", entry.position());
                result.put("outcome", entry.outcome());
                if (entry.bookingId() != null) {
                    result.put("bookingId", entry.bookingId());
                }
                result.put("players", entry.players());
                result.put("preferences", preferencesJson(entry.preferences(), zone));
                results.add(result);
            }
            json.put("results", results);
        }
        ctx.contentType("application/json").result(Json.write(json));
    }

    /** An entry as the golfer sees it: with its place and outcome once drawn. */
    private static Map<String, Object> entryJson(DrawEntry entry, Instant drawAt, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("status", "entered");
        if (drawAt != null) {
            json.put("drawAt", Instants.format(drawAt, zone));
        }
        json.put("courseId", entry.key().courseId());
        json.put("date", entry.date().toString());
        json.put("bookingClass", entry.key().bookingClass());
        json.put("players", entry.players());
        json.put("holes", entry.holes());
        json.put("preferences", preferencesJson(entry.preferences(), zone));
        if (entry.outcome() != null) {
            json.put("position", entry.position());
            json.put("outcome", entry.outcome());
            if (entry.bookingId() != null) {
                json.put("bookingId", entry.bookingId());
            }
        }
        return json;
    }

    private static List<Map<String, Object>> preferencesJson(List<DrawEntry.Preference> preferences, ZoneId zone) {
        return preferences.stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("start", Instants.format(p.start(), zone));
            json.put("tee", p.tee());
            return json;
        }).toList();
    }

    private static ProblemException closed(LocalDate date) {
        return new ProblemException(Problem.of(409, "entries-closed", "Entries closed",
                "entries to the draw for " + date + " closed when it was due: what it left is first come, first served"));
    }

    private static void problemWith(Context ctx, Problem problem, String field, Object value) {
        Map<String, Object> body = problem.members();
        body.put(field, value);
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(Json.write(body));
    }
}
