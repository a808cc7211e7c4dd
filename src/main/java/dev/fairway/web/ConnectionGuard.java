package dev.fairway.web;

import dev.fairway.config.TrustedProxies;
import dev.fairway.log.LogThrottle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one client, and all of them, can hold open: connections are the server's file
 * descriptors, and 20,000 slowloris connections each sending a header byte a second took them all
 * (issue 23). So:
 * <ul>
 *   <li>a client address holds at most {@link #PER_ADDRESS} connections (a trusted proxy, which
 *   carries many clients, is held only to the total); a connection beyond that is closed the moment
 *   it is accepted, not queued;</li>
 *   <li>all clients together hold at most {@code maxConnections}: a new connection beyond that
 *   closes the connection that has waited longest for a request's headers (a slow one, or one idle
 *   between requests) and takes its place, so many addresses' trickles cannot keep a new client
 *   out; only when every connection is in the middle of a request is the new one refused;</li>
 *   <li>a connection must complete its first request's headers within {@code headerDeadline} of
 *   opening, and each later one within {@code idleTimeout} of the answer before it, however slowly
 *   its bytes trickle in (each byte resets Jetty's idle timeout, so that timeout alone never fires).</li>
 * </ul>
 * Each connection closed so is counted by reason in {@code fairway_http_connections_closed_total}.
 */
final class ConnectionGuard extends ContainerLifeCycle implements Connection.Listener {

    static final int PER_ADDRESS = 256;
    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    private final int maxConnections;
    private final Duration headerDeadline;
    private final Duration idleTimeout;
    private final TrustedProxies proxies;
    private final Scheduler scheduler;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final Map<Connection, Watched> watched = new ConcurrentHashMap<>();
    /** Connections waiting for a request's headers, the longest waiting first. Guarded by itself. */
    private final LinkedHashMap<Connection, Watched> waiting = new LinkedHashMap<>();
    private final Counter tooManyFromAddress;
    private final Counter tooManyInAll;
    private final Counter makingRoom;
    private final Counter slowHeaders;
    private final LogThrottle throttle = new LogThrottle();

    /** A connection and how many requests it has begun, when the watch on it was set. */
    private static final class Watched {
        final String address;
        final AtomicInteger requests = new AtomicInteger();
        volatile Scheduler.Task deadline;
        /** Counted in {@code open} and its address's share until released, once, at the close. */
        final AtomicBoolean counted = new AtomicBoolean();

        Watched(String address) {
            this.address = address;
        }
    }

    /** Add it to the connector as a bean: it then hears of every connection, and its timer runs with it. */
    ConnectionGuard(int maxConnections, Duration headerDeadline, Duration idleTimeout, TrustedProxies proxies,
                    MeterRegistry metrics) {
        this.maxConnections = maxConnections;
        this.headerDeadline = headerDeadline;
        this.idleTimeout = idleTimeout;
        this.proxies = proxies;
        this.scheduler = new ScheduledExecutorScheduler("connection-deadlines", true);
        addBean(scheduler);
        this.tooManyFromAddress = ClosedConnections.counter(metrics, "too-many-from-address");
        this.tooManyInAll = ClosedConnections.counter(metrics, "too-many-in-all");
        this.makingRoom = ClosedConnections.counter(metrics, "waited-longest-at-the-limit");
        this.slowHeaders = ClosedConnections.counter(metrics, "header-deadline");
        Gauge.builder("fairway.http.connections.open", open, AtomicInteger::get)
                .description("Client connections open; at most " + maxConnections).register(metrics);
    }

    @Override
    public void onOpened(Connection connection) {
        String address = address(connection.getEndPoint().getRemoteSocketAddress());
        Watched watch = new Watched(address);
        watched.put(connection, watch);
        int fromAddress = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (fromAddress > PER_ADDRESS && !proxies.trusts(address)) {
            forget(address);
            refuse(connection, tooManyFromAddress, "one client address already holds " + PER_ADDRESS + " connections");
            return;
        }
        if (!admit()) {
            forget(address);
            refuse(connection, tooManyInAll, "all " + maxConnections + " connections are in the middle of requests");
            return;
        }
        watch.counted.set(true);
        synchronized (waiting) {
            waiting.put(connection, watch);
        }
        watch.deadline = scheduler.schedule(() -> closeIfStill(connection, watch, 0), headerDeadline);
    }

    /**
     * Counts the new connection in when there is room, making room first when there is none: the
     * count never passes the limit, however many connections open at once (the sockets of those
     * being refused are beyond it for a moment: the reserve of file descriptors covers them).
     */
    private boolean admit() {
        while (true) {
            int now = open.get();
            if (now < maxConnections) {
                if (open.compareAndSet(now, now + 1)) {
                    return true;
                }
            } else if (!makeRoom()) {
                return false;
            }
        }
    }

    private void forget(String address) {
        byAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Closes the connection that has waited longest for headers; false when none waits. */
    private boolean makeRoom() {
        Connection eldest;
        synchronized (waiting) {
            var first = waiting.entrySet().iterator();
            if (!first.hasNext()) {
                return false;
            }
            eldest = first.next().getKey();
            first.remove();
        }
        makingRoom.increment();
        close(eldest);
        return true;
    }

    @Override
    public void onClosed(Connection connection) {
        Watched watch = watched.remove(connection);
        if (watch == null) {
            return;
        }
        Scheduler.Task deadline = watch.deadline;
        if (deadline != null) {
            deadline.cancel();
        }
        synchronized (waiting) {
            waiting.remove(connection);
        }
        release(watch);
    }

    /**
     * Closes a connection this guard gave up on. Its socket is closed here and now, but Jetty tells
     * {@link #onClosed} later, from its selector: it is released from the counts at once, so that
     * {@code open} is the file descriptors held, never more than the limit in a burst of closes.
     */
    private void close(Connection connection) {
        Watched watch = watched.get(connection);
        connection.getEndPoint().close();
        if (watch != null) {
            release(watch);
        }
    }

    private void release(Watched watch) {
        if (watch.counted.compareAndSet(true, false)) {
            open.decrementAndGet();
            forget(watch.address);
        }
    }

    /** A request on {@code connection} has its headers: the deadline of this one is met. */
    void requestBegan(Connection connection) {
        Watched watch = watched.get(connection);
        if (watch != null) {
            synchronized (waiting) {
                waiting.remove(connection);
            }
            watch.requests.incrementAndGet();
            Scheduler.Task deadline = watch.deadline;
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }

    /** The request on {@code connection} is answered: the next must have its headers within the idle timeout. */
    void requestAnswered(Connection connection) {
        Watched watch = watched.get(connection);
        if (watch != null) {
            synchronized (waiting) {
                // onClosed forgets the connection before it takes this lock: a closed one is never put back
                if (watched.get(connection) == watch) {
                    waiting.put(connection, watch);
                }
            }
            int seen = watch.requests.get();
            watch.deadline = scheduler.schedule(() -> closeIfStill(connection, watch, seen), idleTimeout);
        }
    }

    int open() {
        return open.get();
    }

    /** The handler that tells this guard when each request begins and is answered: the outermost. */
    Handler.Wrapper requests() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Connection connection = request.getConnectionMetaData().getConnection();
                requestBegan(connection);
                return super.handle(request, response, Callback.from(callback, () -> requestAnswered(connection)));
            }
        };
    }

    private void closeIfStill(Connection connection, Watched watch, int requestsThen) {
        if (watch.requests.get() == requestsThen && watched.get(connection) == watch) {
            slowHeaders.increment();
            close(connection);
        }
    }

    private void refuse(Connection connection, Counter counter, String why) {
        counter.increment();
        long heldBack = throttle.admit(why);
        if (heldBack >= 0) {
            log.warn("Connections refused: {}{}", why, LogThrottle.heldBack(heldBack));
        }
        close(connection);
    }

    private static String address(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }
}
