package dev.fairway.db.pool;

import dev.fairway.config.HostAndPort;

/**
 * What one server of a URL that names several said about itself.
 *
 * @param host     the server
 * @param primary  whether it takes writes
 * @param timeline the timeline it writes on, when it is a primary (a promotion starts a new one); 0 else
 */
public record ServerState(HostAndPort host, boolean primary, long timeline) {
}
