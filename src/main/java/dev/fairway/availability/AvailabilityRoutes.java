package dev.fairway.availability;

import dev.fairway.courses.CourseLookup;
import dev.fairway.courses.CourseService;
import dev.fairway.golfers.Caller;
import dev.fairway.golfers.MemberService;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.TeeTimeGrid;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.QueryParameters;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** {@code GET /api/courses/{courseId}/availability?from=&to=&players=} (or {@code date=} for one day). */
public final class AvailabilityRoutes implements Routes {

    /** The longest range, in days between {@code from} and {@code to}. */
    public static final int MAX_DAYS_APART = 31;
    /**
     * The most tee times one answer holds (about 1.3 MB of JSON): 31 days of a course with 1-minute
     * tee times made a 5.7 MB answer that anyone could ask for again and again.
     */
    public static final int MAX_TEE_TIMES = 10_000;

    private final CourseService courses;
    private final AvailabilityService availability;
    private final MemberService members;
    private final AdminAuth admin;

    public AvailabilityRoutes(CourseService courses, AvailabilityService availability, MemberService members,
                              AdminAuth admin) {
        this.courses = courses;
        this.availability = availability;
        this.members = members;
        this.admin = admin;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/courses/{courseId}/availability", this::get);
    }

    private void get(Context ctx) {
        Optional<LocalDate> day = QueryParameters.date(ctx, "date");
        if (day.isPresent() && (QueryParameters.given(ctx, "from") || QueryParameters.given(ctx, "to"))) {
            throw new InvalidRequestException("date", "date asks for one day and from/to for a range: send date "
                    + "alone, or from and to");
        }
        Optional<LocalDate> fromParam = day.or(() -> QueryParameters.date(ctx, "from"));
        Optional<LocalDate> toParam = day.or(() -> QueryParameters.date(ctx, "to"));
        Optional<Integer> playersParam = players(ctx);
        Course course = CourseLookup.existing(courses, ctx);
        LocalDate from = fromParam.orElseGet(() -> LocalDate.now(availability.clock().withZone(course.rules().zone())));
        LocalDate to = toParam.orElse(from);
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "to (" + to + ") must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS_APART) {
            throw new InvalidRequestException("to", "to must be at most " + MAX_DAYS_APART + " days after from");
        }
        int max = course.rules().maxPlayersPerTeeTime();
        int players = playersParam.orElse(1);
        if (players > max) {
            throw new InvalidRequestException("players", "players must be a whole number from 1 to " + max
                    + " (this course's maxPlayersPerTeeTime)");
        }
        int holes = holes(ctx, course);
        Optional<String> tee = Optional.ofNullable(ctx.queryParam("tee")).filter(t -> !t.isEmpty());
        if (tee.isPresent() && course.rules().layout().tee(tee.get()).isEmpty()) {
            throw new InvalidRequestException("tee", "tee must be one of the course's tees "
                    + course.rules().layout().tees().stream().map(t -> t.name()).toList());
        }
        int teeTimes = teeTimes(course, from, to) * (tee.isPresent() ? 1 : course.rules().layout().tees().size());
        if (teeTimes > MAX_TEE_TIMES) {
            throw new InvalidRequestException("to", "from " + from + " to " + to + " holds " + teeTimes + " tee times, "
                    + "more than the " + MAX_TEE_TIMES + " one answer may hold: ask for fewer days at once");
        }
        Availability answer = availability.availability(course, from, to, players, holes, tee, bookingClass(ctx, course),
                RequestDeadline.of(ctx));
        ctx.contentType("application/json").result(AvailabilityJson.write(answer).stream());
    }

    private static int teeTimes(Course course, LocalDate from, LocalDate to) {
        int teeTimes = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            teeTimes += TeeTimeGrid.countOn(course.rules(), date);
        }
        return teeTimes;
    }

    /** The caller's class; the admin may ask for any with {@code bookingClass=}. */
    private BookingClass bookingClass(Context ctx, Course course) {
        String asked = ctx.queryParam("bookingClass");
        if (asked == null || asked.isEmpty()) {
            return members.classOf(course, Caller.of(ctx), RequestDeadline.of(ctx));
        }
        admin.require(ctx);
        return course.rules().policy().bookingClass(asked, course.rules().bookingWindowDays())
                .orElseThrow(() -> new InvalidRequestException("bookingClass", "course " + course.id()
                        + " has no booking class '" + asked + "': ask for one of its bookingClasses, or public"));
    }

    /** The round's holes: the course's default when not asked; 400 unless one of its rounds. */
    static int holes(Context ctx, Course course) {
        String text = ctx.queryParam("holes");
        java.util.Set<Integer> rounds = course.rules().layout().rounds();
        if (text == null || text.isEmpty()) {
            return course.rules().layout().defaultHoles();
        }
        if (!text.equals("9") && !text.equals("18") || !rounds.contains(Integer.parseInt(text))) {
            throw new InvalidRequestException("holes", "holes must be one of the course's rounds " + rounds);
        }
        return Integer.parseInt(text);
    }

    private static Optional<Integer> players(Context ctx) {
        String text = ctx.queryParam("players");
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) < 1) {
            throw new InvalidRequestException("players", "players must be a whole number from 1 to the course's "
                    + "maxPlayersPerTeeTime");
        }
        return Optional.of(Integer.parseInt(text));
    }
}
