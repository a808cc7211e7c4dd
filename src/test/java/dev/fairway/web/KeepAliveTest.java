package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connections, as the release morning makes them: a burst of new ones, kept alive for long, many
 * at once. Each test is named after the way golfers lost answers or the heap filled before.
 */
class KeepAliveTest {

    /** The JDK HttpClient's {@code jdk.httpclient.keepalive.timeout} default. */
    private static final Duration JDK_CLIENT_KEEP_ALIVE = Duration.ofSeconds(30);

    /**
     * Jetty's default idle timeout was the JDK HttpClient's 30 s: the server closed connections the
     * client was taking from its pool that same instant, and the client does not send a POST again.
     */
    @Test
    void a_connection_idle_as_long_as_the_jdk_client_keeps_one_is_still_answered() throws Exception {
        WebServer server = WebServer.start("127.0.0.1", 0, Duration.ofSeconds(5), Clock.systemUTC(),
                new SimpleMeterRegistry(), List.of(routes -> routes.post("/echo", ctx -> ctx.result(ctx.body()))));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            String first = exchange(socket);
            assertThat(first).startsWith("HTTP/1.1 200").contains("Keep-Alive: timeout=60");

            Thread.sleep(JDK_CLIENT_KEEP_ALIVE.plusSeconds(1).toMillis());

            assertThat(exchange(socket)).as("the answer on the connection after it idled")
                    .startsWith("HTTP/1.1 200").endsWith("{}");
        } finally {
            server.close();
        }
    }

    /**
     * On the release morning 800 golfers' kept-alive connections filled a 128 MiB heap: Jetty kept
     * a cache of header fields for each connection from its second request on, about 100 KB each.
     */
    @Test
    void kept_alive_connections_cost_the_heap_a_few_kilobytes_each() throws Exception {
        int connections = 200;
        WebServer server = WebServer.start("127.0.0.1", 0, Duration.ofSeconds(5), Clock.systemUTC(),
                new SimpleMeterRegistry(), List.of(routes -> routes.post("/echo", ctx -> ctx.result(ctx.body()))));
        List<Socket> open = new ArrayList<>();
        try {
            long before = heapAfterCollection();
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(5_000);
                open.add(socket);
                exchange(socket);
                exchange(socket);
            }
            long perConnection = (heapAfterCollection() - before) / connections;

            assertThat(perConnection).as("heap bytes per kept-alive connection").isLessThan(20_000);
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
            server.close();
        }
    }

    /**
     * The release morning's stampede of new connections overflowed the JDK's default accept queue
     * of 50 (the kernel counted tens of thousands of listen overflows); golfers' requests on the
     * dropped connections got no answer after the kernel's 1 s retransmission.
     */
    @Test
    void a_burst_of_new_connections_is_queued_by_the_kernel_not_dropped() throws Exception {
        WebServer server = WebServer.start("127.0.0.1", 0, Duration.ofSeconds(5), Clock.systemUTC(),
                new SimpleMeterRegistry(), List.of());
        try {
            Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + server.port()).redirectErrorStream(true).start();
            String listening = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(ss.waitFor()).isZero();
            // ss shows a listening socket's backlog in its Send-Q column: LISTEN 0 <backlog> 127.0.0.1:<port> ...
            int backlog = Integer.parseInt(listening.split("\\s+")[2]);

            assertThat(backlog).as("the listening socket's accept queue").isGreaterThanOrEqualTo(1024);
        } finally {
            server.close();
        }
    }

    private static long heapAfterCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static String exchange(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!answer.toString().endsWith("{}")) {
            int n = in.read(buffer);
            if (n < 0) {
                break; // closed by the server: what the answer then lacks fails the test
            }
            answer.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
        return answer.toString();
    }
}
