package dev.fairway.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code /health/live} and {@code /health/ready}. */
public final class HealthRoutes implements Routes {

    private final Readiness readiness;

    public HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health/live", ctx -> ctx.contentType("application/json")
                .result(Json.write(Map.of("status", "UP"))));
        routes.get("/health/ready", ctx -> {
            Readiness.Report report = readiness.check();
            if (!report.up()) {
                ctx.status(503).header("Retry-After", "1");
            }
            ctx.header("Cache-Control", "no-store").contentType("application/json").result(Json.write(report.body()));
        });
    }
}
