package dev.fairway.teesheet;

/**
 * A tee time as a golfer sees it for a party size.
 *
 * @param teeTime   the grid tee time
 * @param booked    players already booked on it
 * @param available spots left: {@code max(0, maxPlayers - booked)}
 * @param status    what the party can do with it
 * @param rate      the price rule that applies, or null when none does
 */
public record TeeTimeSlot(TeeTime teeTime, int booked, int available, TeeTimeStatus status, Rate rate) {
}
