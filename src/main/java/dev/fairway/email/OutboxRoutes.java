package dev.fairway.email;

import dev.fairway.web.AdminAuth;
import dev.fairway.web.InvalidRequestException;
import dev.fairway.web.Json;
import dev.fairway.web.RequestDeadline;
import dev.fairway.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The admin's view of the outbox: the newest emails, of a status or of all. */
public final class OutboxRoutes implements Routes {

    static final Set<String> STATUSES = Set.of("pending", "sent", "failed", "cancelled");

    private final Outbox outbox;
    private final AdminAuth admin;

    public OutboxRoutes(Outbox outbox, AdminAuth admin) {
        this.outbox = outbox;
        this.admin = admin;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/outbox", this::list);
    }

    private void list(Context ctx) {
        admin.require(ctx);
        Optional<String> status = Optional.ofNullable(ctx.queryParam("status"));
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw new InvalidRequestException("status", "status must be pending, sent, failed or cancelled");
        }
        List<Map<String, Object>> body = outbox.newest(status, RequestDeadline.of(ctx)).stream()
                .map(OutboxRoutes::json).toList();
        ctx.contentType("application/json").result(Json.write(body));
    }

    private static Map<String, Object> json(OutboxEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("to", entry.to());
        json.put("subject", entry.subject());
        json.put("status", entry.status());
        json.put("attempts", entry.attempts());
        json.put("createdAt", entry.createdAt().toString());
        json.put("sentAt", entry.sentAt() == null ? null : entry.sentAt().toString());
        json.put("text", entry.text());
        return json;
    }
}
