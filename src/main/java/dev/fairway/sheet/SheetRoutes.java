package dev.fairway.sheet;

import dev.fairway.courses.CourseLookup;
import dev.fairway.courses.CourseService;
import dev.fairway.teesheet.Course;
import dev.fairway.web.AdminAuth;
import dev.fairway.web.Instants;
import dev.fairway.web.Json;
import dev.fairway.web.QueryParameters;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/courses/{courseId}/sheet?date=}: the staff's day. Each answer has an ETag of
 * its content: the staff page asks again every few seconds with If-None-Match and gets 304 until
 * something on the day changed.
 */
public final class SheetRoutes implements Routes {

    private final CourseService courses;
    private final SheetService sheets;
    private final AdminAuth admin;

    public SheetRoutes(CourseService courses, SheetService sheets, AdminAuth admin) {
        this.courses = courses;
        this.sheets = sheets;
        this.admin = admin;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/courses/{courseId}/sheet", this::day);
    }

    private void day(Context ctx) {
        admin.require(ctx);
        LocalDate date = QueryParameters.requiredDate(ctx, "date");
        Course course = CourseLookup.existing(courses, ctx);
        byte[] body = Json.write(json(sheets.day(course, date, RequestDeadline.of(ctx)), course.rules().zone()));
        String etag = "\"" + digest(body) + "\"";
        ctx.header("ETag", etag).header("Cache-Control", "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(body);
    }

    static Map<String, Object> json(Sheet sheet, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", sheet.date().toString());
        json.put("tees", sheet.tees());
        json.put("slots", sheet.slots().stream().map(slot -> slot(slot, zone)).toList());
        return json;
    }

    private static Map<String, Object> slot(SheetSlot slot, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tee", slot.tee());
        json.put("start", Instants.format(slot.start(), zone));
        json.put("capacity", slot.capacity());
        json.put("booked", slot.booked());
        json.put("held", slot.held());
        json.put("available", slot.available());
        if (slot.block() == null) {
            json.put("block", null);
        } else {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("id", slot.block().id());
            block.put("reason", slot.block().reason());
            json.put("block", block);
        }
        json.put("parties", parties(slot.parties(), zone));
        return json;
    }

    private static List<Map<String, Object>> parties(List<Party> parties, ZoneId zone) {
        return parties.stream().map(party -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", party.kind());
            json.put("id", party.id());
            json.put("name", party.name());
            json.put("players", party.players());
            json.put("holes", party.holes());
            json.put("status", party.status());
            json.put("turn", party.turn());
            json.put("tee", party.tee());
            json.put("start", Instants.format(party.start(), zone));
            json.put("turnSlot", party.turnStart() == null ? null
                    : Map.of("tee", party.turnTee(), "start", Instants.format(party.turnStart(), zone)));
            json.put("groupId", party.groupId());
            json.put("notes", party.notes());
            json.put("email", party.email());
            if (party.expiresAt() != null) {
                json.put("expiresAt", Instants.format(party.expiresAt(), zone));
            }
            if (party.golferId() != null) {
                json.put("golferId", party.golferId());
            }
            return json;
        }).toList();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
