package dev.fairway.teesheet;

/**
 * Where and when a round plays its second nine: the turn slot.
 *
 * @param tee     the tee it turns to
 * @param teeTime the tee time of that tee
 */
public record Turn(String tee, TeeTime teeTime) {
}
