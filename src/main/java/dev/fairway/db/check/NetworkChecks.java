package dev.fairway.db.check;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.HostAndPort;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** The steps below PostgreSQL's protocol: DNS, TCP and the TLS offer. */
final class NetworkChecks {

    /** PostgreSQL's SSLRequest code: the first thing a client that wants TLS sends. */
    private static final int SSL_REQUEST_CODE = 80877103;
    private static final Set<String> TLS_REQUIRED_MODES = Set.of("require", "verify-ca", "verify-full");

    private final DatabaseUrl url;
    private final HostAndPort server;
    private final Duration timeout;
    private final FailureDiagnosis diagnosis;

    NetworkChecks(DatabaseUrl url, Duration timeout, FailureDiagnosis diagnosis) {
        this.url = url;
        this.server = url.primaryHost();
        this.timeout = timeout;
        this.diagnosis = diagnosis;
    }

    /**
     * The DNS step and, when it passed, the first address found.
     *
     * @param result  the step's result
     * @param address the address to connect to; null when the lookup failed
     */
    record Resolution(StepResult result, InetAddress address) {
    }

    Resolution resolve() {
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<InetAddress[]> lookup = executor.submit(() -> InetAddress.getAllByName(server.host()));
            try {
                InetAddress[] addresses = lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                String all = Arrays.stream(addresses).map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
                return new Resolution(StepResult.ok(Step.DNS, since(start), server.host() + " -> " + all), addresses[0]);
            } catch (TimeoutException e) {
                lookup.cancel(true);
                return new Resolution(StepResult.fail(Step.DNS, since(start), "no answer within "
                        + timeout.toSeconds() + " s", "the DNS server does not answer: check this machine's resolver"),
                        null);
            } catch (ExecutionException e) {
                return new Resolution(StepResult.fail(Step.DNS, since(start), "lookup of " + server.host() + " failed",
                        diagnosis.forNetwork(e.getCause())), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Resolution(StepResult.fail(Step.DNS, since(start), "interrupted", "try again"), null);
            }
        }
    }

    StepResult tcpConnect(InetAddress address) {
        String target = address.getHostAddress() + ":" + server.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, server.port()), (int) timeout.toMillis());
            return StepResult.ok(Step.TCP, null, target + " accepts connections");
        } catch (IOException e) {
            return StepResult.fail(Step.TCP, null, target + ": " + e.getMessage(), diagnosis.forNetwork(e));
        }
    }

    /** Sends PostgreSQL's SSLRequest on a raw socket: the server answers 'S' (TLS offered) or 'N'. */
    StepResult tlsProbe(InetAddress address) {
        String mode = url.driverProperties().getOrDefault("sslmode", "prefer");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, server.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8);
            out.writeInt(SSL_REQUEST_CODE);
            out.flush();
            int answer = new DataInputStream(socket.getInputStream()).readUnsignedByte();
            if (answer != 'S' && answer != 'N') {
                return StepResult.fail(Step.TLS, null, "the server did not answer like PostgreSQL",
                        "something other than PostgreSQL listens on " + server + ": check the port");
            }
            boolean offered = answer == 'S';
            if (!offered && TLS_REQUIRED_MODES.contains(mode)) {
                return StepResult.fail(Step.TLS, null, "the server does not offer TLS, sslmode=" + mode,
                        "sslmode asks for TLS but the server does not offer it: use sslmode=prefer or disable, "
                                + "or enable ssl on the server");
            }
            if (offered && mode.equals("disable")) {
                return StepResult.warn(Step.TLS, null, "the server offers TLS, sslmode=disable",
                        "traffic (and the password exchange) is unencrypted: use sslmode=require");
            }
            return StepResult.ok(Step.TLS, null, (offered ? "offered by the server" : "not offered by the server")
                    + ", sslmode=" + mode);
        } catch (EOFException e) {
            return StepResult.fail(Step.TLS, null, "the server closed the connection without answering",
                    "something other than PostgreSQL listens on " + server + ", or it refuses this client");
        } catch (IOException e) {
            return StepResult.fail(Step.TLS, null, String.valueOf(e.getMessage()), diagnosis.forNetwork(e));
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
