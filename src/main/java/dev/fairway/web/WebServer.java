package dev.fairway.web;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import dev.fairway.config.TrustedProxies;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: Javalin on Jetty, handlers on virtual threads (blocking JDBC is fine there),
 * and a graceful stop that refuses new connections and lets requests in flight finish.
 */
public final class WebServer implements AutoCloseable {

    /** How long a stop waits for requests in flight before it cuts them off. */
    public static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    /** How long an idle connection is kept: above every common client's own keep-alive but browsers'. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(65);
    /**
     * Connections the kernel may hold for the server to accept (Linux caps it at
     * {@code net.core.somaxconn}). Jetty's default is the JDK's 50: a thousand golfers opening
     * connections the second a day opened overflowed it, and the kernel dropped their requests
     * (a second later the client saw the connection closed without an answer).
     */
    static final int ACCEPT_QUEUE = 4096;
    /** What clients that read {@code Keep-Alive: timeout=} are told: well inside {@link #IDLE_TIMEOUT}. */
    static final Duration ADVERTISED_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private static final String KEEP_ALIVE = "timeout=" + ADVERTISED_IDLE_TIMEOUT.toSeconds();

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * @param host  the address to listen on; null for every interface
     * @param clock   the service's clock: every answer's {@code Date} is its time, so that a page
     *                counting down to a release counts on the clock that decides it
     * @param metrics where the connections the server closes on a client are counted
     */
    public static WebServer start(String host, int port, Duration requestDeadline, Clock clock, MeterRegistry metrics,
                                  List<Routes> routes) {
        return start(host, port, requestDeadline, TrustedProxies.NONE, clock, metrics, routes);
    }

    /**
     * @param proxies the load balancers and proxies whose connections carry many clients: not held
     *                to one client's share of connections
     */
    public static WebServer start(String host, int port, Duration requestDeadline, TrustedProxies proxies, Clock clock,
                                  MeterRegistry metrics, List<Routes> routes) {
        HttpDate date = new HttpDate(clock);
        ConnectionGuard guard = new ConnectionGuard(FileDescriptors.connectionsToHold(), requestDeadline, IDLE_TIMEOUT,
                proxies, metrics);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http");
        // Selectors stay on platform threads; each request is handled on its own virtual thread.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.threadPool = threads;
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = connector(server, http, host, port);
                connector.addBean(guard);
                return connector;
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendDateHeader(false);
                // Jetty keeps a cache of header fields per kept-alive connection, about 100 KB each:
                // 800 golfers' connections filled a 128 MiB heap on the release morning.
                http.setHeaderCacheSize(0);
            });
            config.jetty.modifyServer(server -> {
                server.insertHandler(new GracefulHandler());
                server.insertHandler(new MethodOverrideHeaders());
                server.insertHandler(new InFlightLimit(InFlightLimit.requestsFor(Runtime.getRuntime().maxMemory()),
                        InFlightLimit.WAITING_REQUESTS, requestDeadline, metrics));
                server.insertHandler(new BodyDeadline(requestDeadline, ClosedConnections.counter(metrics, "body-deadline")));
                server.insertHandler(guard.requests());
                server.setStopTimeout(GRACEFUL_STOP.toMillis());
            });
            config.http.defaultContentType = ContentType.JSON;
            // Gzip at its fastest level, and only for answers larger than a packet: level 6 (the
            // default) doubled the CPU of a large availability answer for a few per cent less to send.
            CompressionStrategy gzip = new CompressionStrategy(null, new Gzip(1));
            gzip.setDefaultMinSizeForCompression(1400);
            config.http.compressionStrategy = gzip;
            config.http.maxRequestSize = BodyDeadline.COURSE_BYTES;
            config.http.prefer405over404 = true;
            ErrorResponses.register(config.routes);
            JsonBodies.requireFor(config.routes);
            config.routes.before(ctx -> RequestDeadline.start(ctx, requestDeadline));
            config.routes.before(ctx -> ctx.header("Date", date.now()));
            config.routes.before(ctx -> ctx.header("Keep-Alive", KEEP_ALIVE));
            config.routes.before(WebServer::privateAnswers);
            routes.forEach(r -> r.addTo(config.routes));
        });
        app.start();
        return new WebServer(app);
    }

    /**
     * The server's side of keep-alive and of a burst of new connections: an idle connection is kept
     * {@link #IDLE_TIMEOUT}, longer than clients keep theirs (the JDK's HttpClient 30 s, as long as
     * Jetty's default: the server closed connections the client was reusing that same instant, and
     * a POST that meets a closed connection is not sent again by the JDK), clients that read
     * {@code Keep-Alive} are told less, and the kernel may queue {@link #ACCEPT_QUEUE} connections.
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }

    /**
     * No answer is read as another type than it says, and no API answer is kept by a browser or a
     * proxy: many carry a golfer's bookings, token or email, and the rest change by the second.
     */
    private static void privateAnswers(io.javalin.http.Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    public int port() {
        return app.port();
    }

    /** Every route the server answers, as "METHOD /path": what the OpenAPI file must describe. */
    public List<String> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(h -> h.endpoint.method.isHttpMethod())
                .map(h -> h.endpoint.method.name() + " " + h.endpoint.path)
                .toList();
    }

    /** Stops taking connections, waits up to {@link #GRACEFUL_STOP} for requests in flight, then stops. */
    @Override
    public void close() {
        app.stop();
    }
}
