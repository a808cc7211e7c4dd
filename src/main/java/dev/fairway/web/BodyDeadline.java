package dev.fairway.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
final class BodyDeadline extends Handler.Wrapper {

    private final Duration deadline;

    BodyDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() == 0 || !hasBody(request)) {
            return super.handle(request, response, callback);
        }
        AtomicBoolean arrived = new AtomicBoolean();
        Scheduler.Task timer = request.getComponents().getScheduler().schedule(() -> {
            if (!arrived.get()) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
            }
        }, deadline);
        Request watched = new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk != null && chunk.isLast()) {
                    arrived.set(true);
                }
                return chunk;
            }
        };
        return super.handle(watched, response, Callback.from(callback, timer::cancel));
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains("Transfer-Encoding");
    }
}
