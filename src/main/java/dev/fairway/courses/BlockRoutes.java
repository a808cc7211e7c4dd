package dev.fairway.courses;

import dev.fairway.ids.RandomIds;
import dev.fairway.teesheet.Block;
import dev.fairway.teesheet.Course;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import dev.fairway.web.JsonFields;
import dev.fairway.web.Problems;
import dev.fairway.web.QueryParameters;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The admin blocks API: add, list, remove. */
public final class BlockRoutes implements Routes {

    private final CourseService courses;
    private final BlockService blocks;
    private final AdminAuth admin;

    public BlockRoutes(CourseService courses, BlockService blocks, AdminAuth admin) {
        this.courses = courses;
        this.blocks = blocks;
        this.admin = admin;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/courses/{courseId}/blocks", this::add);
        routes.get("/api/courses/{courseId}/blocks", this::list);
        routes.delete("/api/courses/{courseId}/blocks/{blockId}", this::remove);
    }

    private void add(Context ctx) {
        admin.require(ctx);
        Course course = CourseLookup.existing(courses, ctx);
        JsonFields body = JsonFields.body(Json.read(ctx.bodyAsBytes()));
        Instant start = body.requiredInstant("start");
        Instant end = body.requiredInstant("end");
        String reason = body.optionalString("reason", 0, 200).orElse(null);
        if (!start.isBefore(end)) {
            throw body.invalid("end", "must be after start");
        }
        if (start.plus(BlockService.MAX_LENGTH).isBefore(end)) {
            throw body.invalid("end", "is more than 31 days after start: a block lasts at most 31 days");
        }
        Set<String> tees = new TreeSet<>(body.stringArray("tees", 4).orElse(List.of()));
        if (body.has("tees") && tees.isEmpty()) {
            throw body.invalid("tees", "must name at least one tee, or be left out for every tee");
        }
        for (String tee : tees) {
            if (course.rules().layout().tee(tee).isEmpty()) {
                throw body.invalid("tees", "names '" + tee + "', which is no tee of this course");
            }
        }
        BlockService.Covering added = blocks.add(course.id(), start, end, reason, tees, RequestDeadline.of(ctx));
        ctx.status(201).header("Location", "/api/courses/" + course.id() + "/blocks/" + added.block().id())
                .contentType("application/json").result(Json.write(json(added, course.rules().zone())));
    }

    private void list(Context ctx) {
        admin.require(ctx);
        Course course = CourseLookup.existing(courses, ctx);
        ZoneId zone = course.rules().zone();
        Instant from = QueryParameters.dateOrInstant(ctx, "from", zone).orElse(Instant.EPOCH);
        Instant to = QueryParameters.dateOrInstant(ctx, "to", zone).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        if (!from.isBefore(to)) {
            throw new InvalidRequestException("to", "to must be after from");
        }
        List<Map<String, Object>> body = blocks.overlapping(course.id(), from, to, RequestDeadline.of(ctx)).stream()
                .map(covering -> json(covering, zone)).toList();
        ctx.contentType("application/json").result(Json.write(body));
    }

    private void remove(Context ctx) {
        admin.require(ctx);
        Course course = CourseLookup.existing(courses, ctx);
        String blockId = ctx.pathParam("blockId");
        if (!RandomIds.plausible(blockId) || !blocks.remove(course.id(), blockId, RequestDeadline.of(ctx))) {
            throw Problems.notFound("course " + course.id() + " has no block " + blockId);
        }
        ctx.status(204);
    }

    static Map<String, Object> json(BlockService.Covering covering, ZoneId zone) {
        Block block = covering.block();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", block.id());
        json.put("start", Instants.format(block.start(), zone));
        json.put("end", Instants.format(block.end(), zone));
        json.put("reason", block.reason());
        if (!block.everyTee()) {
            json.put("tees", block.tees().stream().sorted().toList());
        }
        json.put("bookingsInside", covering.bookingsInside().stream().map(booking -> {
            Map<String, Object> inside = new LinkedHashMap<>();
            inside.put("id", booking.id());
            inside.put("start", Instants.format(booking.start(), zone));
            inside.put("tee", booking.tee());
            inside.put("name", booking.name());
            inside.put("players", booking.players());
            return inside;
        }).toList());
        return json;
    }
}
