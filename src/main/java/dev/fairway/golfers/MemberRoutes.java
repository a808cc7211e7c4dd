package dev.fairway.golfers;

import dev.fairway.courses.CourseLookup;
import dev.fairway.courses.CourseService;
import dev.fairway.email.MailboxFields;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.Json;
import dev.fairway.web.JsonFields;
import dev.fairway.web.Problems;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin's list of a course's members: {@code /api/courses/{courseId}/members[/{email}]}. */
public final class MemberRoutes implements Routes {

    private final CourseService courses;
    private final MemberService members;
    private final AdminAuth admin;

    public MemberRoutes(CourseService courses, MemberService members, AdminAuth admin) {
        this.courses = courses;
        this.members = members;
        this.admin = admin;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/courses/{courseId}/members", this::list);
        routes.put("/api/courses/{courseId}/members/{email}", this::put);
        routes.delete("/api/courses/{courseId}/members/{email}", this::delete);
    }

    private void list(Context ctx) {
        admin.require(ctx);
        Course course = CourseLookup.existing(courses, ctx);
        List<Map<String, Object>> body = members.list(course, RequestDeadline.of(ctx)).stream()
                .map(MemberRoutes::json).toList();
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void put(Context ctx) {
        admin.require(ctx);
        String email = email(ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        String bookingClass = body.requiredString("bookingClass", 1, 32);
        String name = body.optionalString("name", 1, 100).orElse(null);
        Course course = CourseLookup.existing(courses, ctx);
        boolean known = course.rules().policy().bookingClass(bookingClass, course.rules().bookingWindowDays()).isPresent();
        if (!known || bookingClass.equals(BookingClass.PUBLIC)) {
            List<String> classes = course.rules().policy().classes().stream().map(BookingClass::name)
                    .filter(n -> !n.equals(BookingClass.PUBLIC)).toList();
            throw body.invalid("bookingClass", "must be a booking class of course " + course.id() + " other than public"
                    + (classes.isEmpty() ? ": the course has none (set its bookingClasses first)" : ": one of " + classes));
        }
        Member member = new Member(email, bookingClass, name);
        boolean created = members.put(course, member, RequestDeadline.of(ctx));
        ctx.status(created ? 201 : 200).contentType("application/json").result(Json.write(json(member)));
    }

    private void delete(Context ctx) {
        admin.require(ctx);
        String email = email(ctx);
        Course course = CourseLookup.existing(courses, ctx);
        if (!members.delete(course, email, RequestDeadline.of(ctx))) {
            throw Problems.notFound("course " + course.id() + " has no member " + email);
        }
        ctx.status(204);
    }

    /** The path's email, as members are kept: the mailbox's key. */
    private static String email(Context ctx) {
        return MailboxFields.of(ctx.pathParam("email"), "email").key();
    }

    private static Map<String, Object> json(Member member) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", member.email());
        json.put("bookingClass", member.bookingClass());
        json.put("name", member.name());
        return json;
    }
}
