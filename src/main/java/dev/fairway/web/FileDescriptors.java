package dev.fairway.web;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many client connections this process can hold: each is a file descriptor, and the process
 * needs others (the database pool, LISTEN, the jar, logs, the embedded PostgreSQL's pipes). Checked
 * once at start-up; a limit that leaves less room than {@link #MOST_CONNECTIONS} is said with its fix.
 */
final class FileDescriptors {

    /** Client connections held at most, whatever the limit: the rest are refused at once. */
    static final int MOST_CONNECTIONS = 10_000;
    /** Descriptors kept for everything but client connections. */
    static final int RESERVED = 512;
    static final int LEAST_CONNECTIONS = 64;
    private static final Logger log = LoggerFactory.getLogger(FileDescriptors.class);

    private FileDescriptors() {
    }

    /** The most client connections to hold with this process's descriptor limit; logs when it is low. */
    static int connectionsToHold() {
        OptionalLong limit = limit();
        int connections = connectionsFor(limit);
        if (limit.isPresent() && connections < MOST_CONNECTIONS) {
            log.warn("This process may open {} files (ulimit -n): Fairway holds at most {} client connections and "
                    + "refuses the rest; raise the limit to {} or more (ulimit -n, or LimitNOFILE= in a systemd unit) "
                    + "to hold {}", limit.getAsLong(), connections, MOST_CONNECTIONS + RESERVED, MOST_CONNECTIONS);
        }
        return connections;
    }

    static int connectionsFor(OptionalLong limit) {
        if (limit.isEmpty()) {
            return MOST_CONNECTIONS;
        }
        return (int) Math.clamp(limit.getAsLong() - RESERVED, LEAST_CONNECTIONS, MOST_CONNECTIONS);
    }

    private static OptionalLong limit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? OptionalLong.of(unix.getMaxFileDescriptorCount())
                : OptionalLong.empty();
    }
}
