package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.TrustedProxies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The probe of issue 23 held about 20,000 connections open, each sending a header byte a second,
 * and filled the server's 20,000 file descriptors in 35 s: "Too many open files", and other clients
 * got nothing. Here 20,000 such connections come from two processes (one address with 10,000, and
 * forty addresses with 250 each, under the per-address cap) while a client from another address
 * asks every 200 ms: each of its requests must be connected within 4 s and answered within 2 s of
 * being sent. Not faster: while the attackers open their connections in bursts the kernel's SYN
 * queue can drop the client's SYN, which the kernel sends again after 1 s and then 2 s more (CI saw a
 * 1,040 ms answer that way); without the guard none were answered at all.
 */
class SlowlorisTest {

    private static final Duration ATTACK = Duration.ofSeconds(15);

    @Test
    void normal_requests_are_answered_under_20000_trickling_connections() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        WebServer server = WebServer.start("127.0.0.1", 0, Duration.ofSeconds(2), TrustedProxies.NONE,
                Clock.systemUTC(), metrics, List.of(routes -> routes.get("/api/ping", ctx -> ctx.result("pong"))));
        List<Process> attackers = new ArrayList<>();
        try {
            attackers.add(attacker(server.port(), 10_000, List.of("127.0.0.1")));
            attackers.add(attacker(server.port(), 10_000, IntStream.rangeClosed(1, 40).mapToObj(i -> "127.0.1." + i).toList()));

            int answered = 0;
            int unanswered = 0;
            long end = System.nanoTime() + ATTACK.toNanos();
            while (System.nanoTime() < end) {
                if (ping(server.port())) {
                    answered++;
                } else {
                    unanswered++;
                }
                Thread.sleep(200);
            }

            assertThat(attackers).allMatch(Process::isAlive);
            assertThat(unanswered).as("requests of the other client not connected in 4 s or not answered 2 s after").isZero();
            assertThat(answered).as("requests of the other client answered").isPositive();
            assertThat(metrics.get("fairway.http.connections.open").gauge().value())
                    .as("connections the server holds").isLessThanOrEqualTo(FileDescriptors.MOST_CONNECTIONS);
            assertThat(closed(metrics, "too-many-from-address")).as("refused beyond one address's share").isPositive();
            assertThat(closed(metrics, "header-deadline")).as("closed for headers not there in time").isPositive();
        } finally {
            attackers.forEach(Process::destroyForcibly);
            server.close();
        }
    }

    private static double closed(SimpleMeterRegistry metrics, String reason) {
        return metrics.get("fairway.http.connections.closed").tag("reason", reason).counter().count();
    }

    private static Process attacker(int port, int connections, List<String> from) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.fairway.support.Slowloris", "127.0.0.1",
                Integer.toString(port), Integer.toString(connections)));
        command.addAll(from);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** One request from an address of its own, on a new connection: true when connected and answered 200 in time. */
    private static boolean ping(int port) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.9.9", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 4_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/ping HTTP/1.1\r\nHost: fairway\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return answer.startsWith("HTTP/1.1 200") && answer.endsWith("pong");
        } catch (Exception e) {
            return false;
        }
    }
}
