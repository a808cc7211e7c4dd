package dev.fairway.draw;

import java.time.Instant;

/**
 * A draw's record: when it is due, its seed (shown only once it is done), and whether it is done.
 *
 * @param key        which draw
 * @param drawAt     the class's release instant of the date: the draw is due from then
 * @param seed       32 random bytes, fixed when the draw's record was made
 * @param seedSha256 the seed's SHA-256 in hex, shown from the start
 * @param done       whether every entry has its outcome
 */
public record Draw(DrawKey key, Instant drawAt, byte[] seed, String seedSha256, boolean done) {
}
