package dev.fairway.courses;

import dev.fairway.teesheet.Course;
import dev.fairway.web.Problems;
import dev.fairway.web.RequestDeadline;
import io.javalin.http.Context;

/** How a route finds the course its path names, or answers 404. */
public final class CourseLookup {

    private CourseLookup() {
    }

    public static Course existing(CourseService courses, Context ctx) {
        String id = ctx.pathParam("courseId");
        if (!CourseJson.COURSE_ID.matcher(id).matches()) {
            throw Problems.notFound("there is no such course: course ids are lowercase letters, digits and '-'");
        }
        return courses.find(id, RequestDeadline.of(ctx))
                .orElseThrow(() -> Problems.notFound("there is no course " + id));
    }
}
