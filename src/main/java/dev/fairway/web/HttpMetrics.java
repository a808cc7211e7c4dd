package dev.fairway.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every request into {@code http_server_requests_seconds}, a histogram by method, route
 * template (never the raw path: ids would explode the series) and status, each label from a
 * closed set.
 */
public final class HttpMetrics implements Routes {

    private static final String STARTED = "fairway.started";
    private static final java.util.Set<String> STANDARD_METHODS = java.util.Set.of(
            "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
    private static final Duration[] SLOS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.after(this::record);
    }

    /**
     * The request line's method when it is a standard one, else {@code OTHER}: a label's values
     * must come from a closed set, or anyone can add a series per made-up method name.
     */
    static String method(String requestLine) {
        return STANDARD_METHODS.contains(requestLine) ? requestLine : "OTHER";
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Endpoint matched = ctx.endpoints().lastHttpEndpoint(); // ctx.endpoint() is this after-handler
        String route = matched == null ? null : matched.path;
        Timer.builder("http.server.requests")
                .description("HTTP requests, by route template")
                .tag("method", method(ctx.req().getMethod()))
                .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(SLOS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started));
    }
}
