package dev.fairway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PgBouncer (Debian's package, which {@code .ci/run} installs) started as a child process
 * on a free port in front of the test PostgreSQL.
 */
public final class PgBouncer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final int port;
    private final Path directory;

    private PgBouncer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** PgBouncer in {@code mode} ("transaction" or "session") forwarding every database to the test PostgreSQL. */
    public static PgBouncer start(String mode, int poolSize) {
        if (!installed()) {
            throw new IllegalStateException("PgBouncer is not installed at " + BINARY + ": run .ci/run, or "
                    + "apt-get install pgbouncer");
        }
        int port = FairwayProcess.freePort();
        try {
            Path directory = Files.createTempDirectory("pgbouncer",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path users = directory.resolve("users.txt");
            Files.writeString(users, "\"postgres\" \"\"\n");
            Path ini = directory.resolve("pgbouncer.ini");
            Files.writeString(ini, """
                    [databases]
                    * = host=127.0.0.1 port=%d user=postgres
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %s
                    pool_mode = %s
                    default_pool_size = %d
                    max_client_conn = 1000
                    server_reset_query =
                    ignore_startup_parameters = extra_float_digits
                    logfile = %s
                    """.formatted(TestPostgres.port(), port, users, mode, poolSize, directory.resolve("pgbouncer.log")));
            for (Path file : List.of(users, ini)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-q"));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
            }
            command.add(ini.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile()).start();
            PgBouncer bouncer = new PgBouncer(process, port, directory);
            bouncer.awaitListening(Duration.ofSeconds(10));
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private void awaitListening(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        throw new IllegalStateException("PgBouncer did not listen on port " + port + ": " + log());
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("stdout.log")) + Files.readString(directory.resolve("pgbouncer.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
