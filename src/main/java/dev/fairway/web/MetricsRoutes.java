package dev.fairway.web;

import dev.fairway.metrics.Metrics;

import dev.fairway.config.Secret;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * {@code GET /metrics}: Prometheus text; public, or only for a request that carries the metrics
 * token as a bearer token ({@code FAIRWAY_METRICS_TOKEN}).
 */
public final class MetricsRoutes implements Routes {

    private final PrometheusMeterRegistry registry;
    private final Optional<BearerToken> token;

    public MetricsRoutes(PrometheusMeterRegistry registry, Optional<Secret> token) {
        this.registry = registry;
        this.token = token.map(BearerToken::new);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            if (token.isPresent() && !token.get().carriedBy(ctx)) {
                throw new ProblemException(Problem.of(401, "unauthorized", "Metrics token missing or wrong",
                        "send the metrics token as 'Authorization: Bearer <token>'"),
                        java.util.Map.of("WWW-Authenticate", "Bearer realm=\"fairway-metrics\""));
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    }
}
