package dev.fairway.courses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.teesheet.Course;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.Json;
import dev.fairway.web.Problems;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code PUT/PATCH/GET /api/courses/{courseId}} and {@code GET /api/courses}. */
public final class CourseRoutes implements Routes {

    private final CourseService courses;
    private final AdminAuth admin;

    public CourseRoutes(CourseService courses, AdminAuth admin) {
        this.courses = courses;
        this.admin = admin;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/courses", this::list);
        routes.get("/api/courses/{courseId}", this::get);
        routes.put("/api/courses/{courseId}", this::put);
        routes.patch("/api/courses/{courseId}", this::patch);
    }

    private void list(Context ctx) {
        ctx.contentType("application/json").result(Json.write(courses.list(RequestDeadline.of(ctx))));
    }

    private void get(Context ctx) {
        Course course = CourseLookup.existing(courses, ctx);
        ctx.contentType("application/json").result(Json.write(CourseJson.write(course)));
    }

    private void put(Context ctx) {
        admin.require(ctx);
        String id = CourseJson.checkId(ctx.pathParam("courseId"));
        Course course = CourseJson.read(id, Json.read(ctx.bodyAsBytes()));
        boolean created = courses.put(course, RequestDeadline.of(ctx));
        ctx.status(created ? 201 : 200);
        if (created) {
            ctx.header("Location", "/api/courses/" + id);
        }
        ctx.contentType("application/json").result(Json.write(CourseJson.write(course)));
    }

    /**
     * RFC 7396 merge patch of the stored course: the patched document is read as a PUT's body
     * would be, whole, so a refusal names the field and changes nothing.
     */
    private void patch(Context ctx) {
        admin.require(ctx);
        String id = CourseJson.checkId(ctx.pathParam("courseId"));
        JsonNode patch = Json.read(ctx.bodyAsBytes());
        if (!patch.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object of the course's fields to change");
        }
        Course changed = courses.change(id, course -> CourseJson.read(id, MergePatch.apply(CourseJson.write(course), patch)),
                        RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no course " + id));
        ctx.contentType("application/json").result(Json.write(CourseJson.write(changed)));
    }
}
