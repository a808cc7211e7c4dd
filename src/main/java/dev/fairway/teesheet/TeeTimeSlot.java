package dev.fairway.teesheet;

import java.time.Instant;

/**
 * A tee time as a golfer of one booking class sees it for a party size.
 *
 * @param teeTime    the grid tee time
 * @param booked     players already booked on it
 * @param available  spots left: {@code max(0, maxPlayers - booked)}
 * @param status     what the party can do with it
 * @param rate       the price rule that applies, or null when none does
 * @param releasesAt when it opens to the class, or null when it has
 * @param minPlayers the least players a booking of it may have
 */
public record TeeTimeSlot(TeeTime teeTime, int booked, int available, TeeTimeStatus status, Rate rate,
                          Instant releasesAt, int minPlayers) {
}
