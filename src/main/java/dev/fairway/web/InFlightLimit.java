package dev.fairway.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * How many API requests one instance works on at once: each one in progress holds a virtual
 * thread's stack, its parsed body and its answer in the heap, and a stampede larger than the
 * heap can hold would otherwise fill it (a 128 MiB instance ran out of heap and hung on a release
 * morning). The rest wait for their turn in line, holding only their request, until the request's
 * deadline; the line itself is bounded, and beyond it a request is answered 503 at once. Jetty's
 * QoSHandler does the waiting without a thread; this class sizes it from the heap and answers in
 * problem+json.
 */
final class InFlightLimit extends QoSHandler {

    /** What one request in progress is allowed of the heap, at most: its working set is far less. */
    static final long HEAP_PER_REQUEST_BYTES = 128 * 1024;
    static final int LEAST_REQUESTS = 64;
    static final int MOST_REQUESTS = 2048;
    /** Requests that may wait in line: each holds its headers and body only. */
    static final int WAITING_REQUESTS = 8192;

    /**
     * @param inProgress how many requests are worked on at once ({@link #requestsFor} the heap)
     * @param waiting    how many more may wait for their turn
     * @param deadline   how long one may wait: the request's deadline, which counts from its arrival
     */
    InFlightLimit(int inProgress, int waiting, Duration deadline, MeterRegistry metrics) {
        setMaxRequestCount(inProgress);
        setMaxSuspendedRequestCount(waiting);
        setMaxSuspend(deadline);
        includePath("/api/*");
        Gauge.builder("fairway.http.requests.waiting", this, InFlightLimit::getSuspendedRequestCount)
                .description("API requests waiting for their turn: the instance works on at most "
                        + getMaxRequestCount() + " at once").register(metrics);
    }

    /** Requests worked on at once for a heap of {@code maxHeapBytes}: 1,024 for 128 MiB. */
    static int requestsFor(long maxHeapBytes) {
        return (int) Math.clamp(maxHeapBytes / HEAP_PER_REQUEST_BYTES, LEAST_REQUESTS, MOST_REQUESTS);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        busy(response, callback);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        busy(response, callback);
    }

    private static void busy(Response response, Callback callback) {
        Problem problem = Problem.of(503, "busy", "Too many requests in progress",
                "this instance is answering as many requests as it can: try again in a second");
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        response.write(true, ByteBuffer.wrap(Json.write(problem)), callback);
    }
}
