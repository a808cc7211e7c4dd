package dev.fairway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built jar, {@code target/fairway.jar}, as its own process, the way an operator would. */
public final class FairwayProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "fairway.jar");

    private final Process process;
    private final Path output;

    private FairwayProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code java -jar target/fairway.jar args...} with {@code environment} added to a clean one. */
    public static FairwayProcess start(Map<String, String> environment, String... args) {
        return startWith(ProcessHandle.current().info().command().orElse("java"), environment, args);
    }

    /** As {@link #start}, with the {@code java} at {@code javaCommand}. */
    public static FairwayProcess startWith(String javaCommand, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("fairway-process", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().remove("DATABASE_URL");
            builder.environment().remove("DIRECT_URL");
            builder.environment().remove("FAIRWAY_ADMIN_TOKEN");
            builder.environment().putAll(environment);
            return new FairwayProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to completion and returns its exit status; fails if it takes longer than {@code limit}. */
    public int waitFor(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("fairway did not finish within " + limit + "; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM, as a process manager does. */
    public void terminate() {
        process.destroy();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far, stdout and stderr together. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // a temp file
        }
    }

    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String rawUrl(int port, String database) {
        return "postgresql://postgres@localhost:" + port + "/" + database + "?sslmode=disable";
    }

    public static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
