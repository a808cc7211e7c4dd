package dev.fairway.web;

import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A request's body must have arrived by the request's deadline: a client that sends it a byte at
 * a time (which held 300 POSTs for 45 s each) has its connection closed then. The idle timeout
 * does not help, since each byte resets it.
 *
 * <p>Arrival is judged by reading the whole body here, before any route runs, not by when a route
 * gets round to reading it: a booking whose body had arrived but whose route first waited for a
 * golfer's token from a busy database had its connection closed under the answer being written
 * (bench/release's "header parser received no bytes"). A body larger than the server takes is
 * refused with 413 before it is read further.
 */
final class BodyDeadline extends Handler.Wrapper {

    /** A course, with a year of date overrides and its rates and classes, fits many times over. */
    static final int COURSE_BYTES = 1_000_000;
    /** Everything else a request sends (a booking, a sign-in, a block) is a few hundred bytes. */
    static final int OTHER_BYTES = 16_384;
    private static final Pattern COURSE = Pattern.compile("/api/courses/[^/]+");

    private final Duration deadline;
    private final Counter closed;

    BodyDeadline(Duration deadline, Counter closed) {
        this.deadline = deadline;
        this.closed = closed;
    }

    /**
     * The largest body a request may send: checked before it is read further, and long before it
     * is parsed (a megabyte of JSON padding cost 74 ms of CPU to parse). Only a course's own
     * document, which an admin replaces or changes, may be large.
     */
    static int maxBytes(String method, String path) {
        boolean course = (method.equals("PUT") || method.equals("PATCH")) && COURSE.matcher(path).matches();
        return course ? COURSE_BYTES : OTHER_BYTES;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request)) {
            return super.handle(request, response, callback);
        }
        int maxBytes = maxBytes(request.getMethod(), Request.getPathInContext(request));
        if (request.getLength() > maxBytes) {
            refuseTooLarge(response, callback, maxBytes);
            return true;
        }
        Scheduler.Task timer = request.getComponents().getScheduler().schedule(() -> {
            closed.increment();
            request.getConnectionMetaData().getConnection().getEndPoint().close();
        }, deadline);
        new BodyRead(request, maxBytes, new BodyRead.Outcome() {
            @Override
            public void arrived(byte[] body) {
                timer.cancel();
                dispatch(new ArrivedBody(request, body), response, callback);
            }

            @Override
            public void tooLarge() {
                timer.cancel();
                refuseTooLarge(response, callback, maxBytes);
            }

            @Override
            public void failed(Throwable failure) {
                timer.cancel();
                callback.failed(failure);
            }
        }).start();
        return true;
    }

    private void dispatch(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            callback.failed(t);
        }
    }

    private static void refuseTooLarge(Response response, Callback callback, int maxBytes) {
        byte[] problem = Json.write(Problem.of(413, "body-too-large", "Request body too large",
                "send a body of at most " + maxBytes + " bytes"));
        response.setStatus(413);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(problem), callback);
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Reads a body as it arrives, without holding a thread while it waits for more. */
    private static final class BodyRead implements Runnable {

        interface Outcome {
            void arrived(byte[] body);

            void tooLarge();

            void failed(Throwable failure);
        }

        private final Request request;
        private final int maxBytes;
        private final Outcome outcome;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        BodyRead(Request request, int maxBytes, Outcome outcome) {
            this.request = request;
            this.maxBytes = maxBytes;
            this.outcome = outcome;
        }

        void start() {
            run();
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    outcome.failed(chunk.getFailure());
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                boolean fits = bytes.size() + buffer.remaining() <= maxBytes;
                if (fits) {
                    byte[] part = new byte[buffer.remaining()];
                    buffer.get(part);
                    bytes.writeBytes(part);
                }
                chunk.release();
                if (!fits) {
                    outcome.tooLarge();
                    return;
                }
                if (chunk.isLast()) {
                    outcome.arrived(bytes.toByteArray());
                    return;
                }
            }
        }
    }

    /** The request with its body already read: routes read it from memory. */
    private static final class ArrivedBody extends Request.Wrapper {

        private Content.Chunk rest;

        ArrivedBody(Request request, byte[] body) {
            super(request);
            this.rest = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = rest;
            rest = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
