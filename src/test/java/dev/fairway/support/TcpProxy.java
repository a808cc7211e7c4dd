package dev.fairway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the service and PostgreSQL that injects real network faults: it refuses
 * connections, resets them, swallows traffic, delays it, cuts a connection right after the
 * server has executed a COMMIT and before the client hears the answer, holds a COMMIT back while
 * the client is cut off, freezes a connection (nothing passes, nothing is closed), or leaves it
 * half-open (the client's side reset, the server's side open and silent). It also counts the
 * statements clients send, read off the wire.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int MAX_EXECUTED = 200;

    private final int targetPort;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    /** What was executed since the last reset, for failure messages: at most {@link #MAX_EXECUTED} entries. */
    private final Queue<String> sqlSinceReset = new ConcurrentLinkedQueue<>();
    private final AtomicInteger linksOpened = new AtomicInteger();
    private final AtomicInteger answersToDrop = new AtomicInteger();
    private volatile java.util.function.Predicate<String> dropAfter = sql -> false;
    private final AtomicInteger droppedAnswers = new AtomicInteger();
    /** What the next connection that completes a matching round trip turns into, and how many more. */
    private volatile java.util.function.Predicate<String> faultAfter = sql -> false;
    private volatile Fault pendingFault = Fault.NONE;
    private final AtomicInteger faultsToInject = new AtomicInteger();
    private final AtomicInteger injectedFaults = new AtomicInteger();
    private final AtomicReference<Duration> commitHold = new AtomicReference<>();
    private final AtomicInteger heldCommits = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile boolean blackhole;
    private volatile boolean refusing;
    private volatile Duration latency = Duration.ZERO;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket socket = newListener(0);
        this.port = socket.getLocalPort();
        listen(socket);
    }

    /** A proxy on a free local port that forwards to {@code localhost:targetPort}. */
    public static TcpProxy to(int targetPort) {
        try {
            return new TcpProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** New connections are refused (the port is closed); open ones stay. */
    public void refuseConnections() {
        refusing = true; // also for a connection the listener accepted a moment before it closed
        closeQuietly(listener);
    }

    /** New connections are accepted again. */
    public void acceptConnections() {
        refusing = false;
        try {
            listen(newListener(port));
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on port " + port + " again", e);
        }
    }

    /** Every open connection is reset (TCP RST), as a crashing pooler or a load balancer does. */
    public void resetAll() {
        links.forEach(Link::reset);
    }

    /** Connections are accepted but nothing passes either way, like a host that vanished. */
    public void blackhole(boolean on) {
        blackhole = on;
    }

    /** Every chunk of traffic, either way, waits this long. */
    public void latency(Duration delay) {
        latency = delay;
    }

    /**
     * The next {@code count} COMMITs reach the server and are executed, but the connection is cut
     * before their answer reaches the client: the client cannot know whether they committed.
     */
    public void dropAfterNextCommits(int count) {
        dropAnswersAfter(TcpProxy::isCommit, count);
    }

    /**
     * The next {@code count} statements whose SQL matches reach the server and are executed (an
     * autocommit statement commits), but the connection is cut when the server's answer to that
     * round trip starts to come back, before the client reads it.
     */
    public void dropAnswersAfter(java.util.function.Predicate<String> statement, int count) {
        dropAfter = statement;
        answersToDrop.set(count);
    }

    /** A predicate for {@link #dropAnswersAfter}: SQL that contains {@code fragment}, ignoring case. */
    public static java.util.function.Predicate<String> containing(String fragment) {
        String lower = fragment.toLowerCase(Locale.ROOT);
        return sql -> sql.toLowerCase(Locale.ROOT).contains(lower);
    }

    /** Answers cut off so far (after a COMMIT or a matching statement). */
    public int droppedAnswers() {
        return droppedAnswers.get();
    }

    /** What a connection can be turned into while it stays open at one end or both. */
    public enum Fault {
        NONE,
        /** Nothing passes either way and nothing is closed: a flow a middlebox silently dropped. */
        FROZEN,
        /**
         * The client's side is reset, the server's side stays open and hears nothing more: a NAT,
         * load balancer or pooler that forgot the flow, or a client host that died.
         */
        HALF_OPEN
    }

    /**
     * The next connection that sends a statement matching {@code statement} has it executed by
     * the server, and then becomes {@code fault}: the server's answer never reaches the client.
     */
    public void faultAfter(java.util.function.Predicate<String> statement, Fault fault) {
        faultAfter = statement;
        pendingFault = fault;
        faultsToInject.set(1);
    }

    /** Connections turned into a fault by {@link #faultAfter} so far. */
    public int injectedFaults() {
        return injectedFaults.get();
    }

    /** Every open connection becomes {@code fault} at once; new connections work as before. */
    public void faultAll(Fault fault) {
        links.forEach(link -> link.become(fault));
    }

    /**
     * The next COMMIT any client sends is held back: the client's connection is reset at once, so
     * the client cannot know the outcome, and the COMMIT reaches the server {@code hold} later,
     * which executes it.
     */
    public void holdNextCommit(Duration hold) {
        commitHold.set(hold);
    }

    /** COMMITs held back and then delivered so far. */
    public int heldCommits() {
        return heldCommits.get();
    }

    /** Statements sent since the last reset: simple queries plus extended-protocol executions, without connection upkeep. */
    public long statements() {
        return statements.get();
    }

    /**
     * Round trips that carried SQL since the last reset: Syncs plus simple queries. Connection
     * upkeep is not counted: the set-up of a new connection (simple queries sent before any
     * extended-protocol message; the pool may open one at any moment) and the pool's liveness
     * check of a connection idle for over half a second (an empty query).
     */
    public long roundTrips() {
        return roundTrips.get();
    }

    public long commits() {
        return commits.get();
    }

    public void resetCounters() {
        statements.set(0);
        roundTrips.set(0);
        commits.set(0);
        sqlSinceReset.clear();
    }

    /**
     * The SQL executed since the last reset, each prefixed with the number of the connection
     * that sent it (in the order connections were opened), for telling what a count is made of.
     */
    public List<String> executed() {
        return List.copyOf(sqlSinceReset);
    }

    public int openConnections() {
        return links.size();
    }

    /** Back to plain forwarding: no blackhole, no latency, connections accepted. */
    public void heal() {
        blackhole = false;
        latency = Duration.ZERO;
        answersToDrop.set(0);
        faultsToInject.set(0);
        commitHold.set(null);
        if (listener == null || listener.isClosed()) {
            acceptConnections();
        }
    }

    @Override
    public void close() {
        closed.set(true);
        closeQuietly(listener);
        links.forEach(Link::reset);
    }

    private ServerSocket newListener(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 512);
        return socket;
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        Thread.ofVirtual().name("proxy-accept-" + port).start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket();
                    try {
                        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                    } catch (IOException e) {
                        client.setSoLinger(true, 0);
                        client.close();
                        continue;
                    }
                    Link link = new Link(client, server);
                    links.add(link);
                    if (refusing) {
                        link.reset();
                        continue;
                    }
                    link.start();
                } catch (IOException e) {
                    // listener closed
                }
            }
        });
    }

    private static boolean isCommit(String sql) {
        String statement = sql.strip().toUpperCase(Locale.ROOT);
        return statement.equals("COMMIT") || statement.startsWith("COMMIT;") || statement.equals("END");
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    /** One client connection and its server connection. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final PgFrontendMessages messages = new PgFrontendMessages();
        /** SQL of each prepared statement of this connection, by name: pgjdbc re-executes COMMIT by name. */
        private final java.util.Map<String, String> prepared = new java.util.HashMap<>();
        private String boundSql = "";
        /**
         * Whether the client has sent any extended-protocol message yet. Before that, its simple
         * queries are the driver's and the pool's connection set-up (application_name, the
         * default isolation level), not the work of a request.
         */
        private boolean extendedProtocolSeen;
        private boolean armed;
        private Fault armedFault = Fault.NONE;
        private boolean holdArmed;
        private final AtomicBoolean down = new AtomicBoolean();
        private final int number = linksOpened.incrementAndGet();
        private volatile boolean cutOnNextAnswer;
        private volatile Fault fault = Fault.NONE;
        /** Set once the client's side was cut off while the server's side lives on (held COMMIT, half-open). */
        private volatile boolean clientGone;
        private volatile boolean serverGone;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            Thread.ofVirtual().start(() -> pump(client, server, true));
            Thread.ofVirtual().start(() -> pump(server, client, false));
        }

        /** Turns this connection into {@code next}. */
        void become(Fault next) {
            fault = next;
            if (next == Fault.HALF_OPEN) {
                cutClient();
            }
        }

        private void pump(Socket from, Socket to, boolean fromClient) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (blackhole || fault != Fault.NONE || (!fromClient && clientGone)) {
                        continue; // swallowed
                    }
                    if (!latency.isZero()) {
                        Thread.sleep(latency);
                    }
                    if (fromClient) {
                        Duration hold = inspect(buffer, n);
                        if (hold != null) {
                            holdBack(java.util.Arrays.copyOf(buffer, n), hold);
                            return;
                        }
                    } else if (cutOnNextAnswer) {
                        droppedAnswers.incrementAndGet();
                        reset();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    if (fromClient && armedFault != Fault.NONE) {
                        Fault next = armedFault;
                        armedFault = Fault.NONE;
                        injectedFaults.incrementAndGet();
                        become(next); // the server has the round trip; its answer will not come back
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            ended(fromClient);
        }

        /**
         * One side closed. Normally the other side is closed too; but through a frozen flow not
         * even a close gets across, and a client that was cut off leaves the server's side open
         * until the server closes it.
         */
        private void ended(boolean fromClient) {
            boolean silent = fault == Fault.FROZEN || (fromClient && clientGone);
            if (!silent) {
                reset();
                return;
            }
            if (fromClient) {
                clientGone = true;
            } else {
                serverGone = true;
            }
            if (clientGone && serverGone) {
                reset();
            }
        }

        /**
         * The client is cut off at once; {@code bytes} (holding a COMMIT) reach the server
         * {@code hold} later, and the server's side closes once it has answered.
         */
        private void holdBack(byte[] bytes, Duration hold) {
            cutClient();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(hold);
                    OutputStream out = server.getOutputStream();
                    out.write(bytes);
                    out.flush();
                    heldCommits.incrementAndGet();
                    Thread.sleep(Duration.ofMillis(500)); // the server executes it and answers into the void
                } catch (IOException | InterruptedException e) {
                    // the server's side ended first
                }
                reset();
            });
        }

        /** Resets the client's side only: the server's side stays open. */
        private void cutClient() {
            clientGone = true;
            try {
                client.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // already closed
            }
            closeQuietly(client);
        }

        /** Reads what the client sent; returns how long to hold it back when it holds a COMMIT to hold, else null. */
        private Duration inspect(byte[] buffer, int n) {
            Duration hold = null;
            for (PgFrontendMessages.Message message : messages.feed(buffer, n)) {
                if ("PBES".indexOf(message.type()) >= 0) {
                    extendedProtocolSeen = true;
                }
                boolean upkeep = message.type() == 'Q' && (!extendedProtocolSeen || message.sql().isBlank());
                if ((message.type() == 'Q' && !upkeep) || message.type() == 'E') {
                    statements.incrementAndGet();
                }
                if ((message.type() == 'Q' && !upkeep) || message.type() == 'S') {
                    roundTrips.incrementAndGet();
                }
                String executed = switch (message.type()) {
                    case 'Q' -> message.sql();
                    case 'P' -> {
                        prepared.put(message.statementName(), message.sql());
                        yield "";
                    }
                    case 'B' -> {
                        boundSql = prepared.getOrDefault(message.statementName(), "");
                        yield "";
                    }
                    case 'E' -> boundSql;
                    default -> "";
                };
                if (!executed.isEmpty() && sqlSinceReset.size() < MAX_EXECUTED) {
                    sqlSinceReset.add("#" + number + (upkeep ? " (upkeep) " : " ") + executed);
                }
                if (isCommit(executed)) {
                    commits.incrementAndGet();
                    if (commitHold.get() != null) {
                        holdArmed = true;
                    }
                }
                if (!executed.isEmpty() && dropAfter.test(executed)
                        && answersToDrop.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                    armed = true;
                }
                Fault faultDue = pendingFault;
                if (!executed.isEmpty() && !upkeep && faultAfter.test(executed)
                        && faultsToInject.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                    armedFault = faultDue;
                }
                if (armed && (message.type() == 'S' || message.type() == 'Q')) {
                    cutOnNextAnswer = true; // the round trip is complete: its answer must not arrive
                }
                if (holdArmed && (message.type() == 'S' || message.type() == 'Q')) {
                    Duration claimed = commitHold.getAndSet(null);
                    holdArmed = false;
                    if (claimed != null) {
                        hold = claimed;
                    }
                }
            }
            return hold;
        }

        void reset() {
            if (!down.compareAndSet(false, true)) {
                return;
            }
            links.remove(this);
            for (Socket socket : new Socket[] {client, server}) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (SocketException ignored) {
                    // already closed
                }
                closeQuietly(socket);
            }
        }
    }
}
