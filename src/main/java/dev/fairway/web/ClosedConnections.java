package dev.fairway.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code fairway_http_connections_closed_total{reason}}: connections the server closed on a
 * client before answering it. A client sees each as a request without an answer, so each reason
 * is counted apart from the requests that were answered.
 */
final class ClosedConnections {

    private ClosedConnections() {
    }

    static Counter counter(MeterRegistry metrics, String reason) {
        return Counter.builder("fairway.http.connections.closed")
                .description("Connections closed by the server before the request on them was answered, by reason")
                .tag("reason", reason)
                .register(metrics);
    }
}
