package dev.fairway.teesheet;

import java.time.Instant;

/**
 * A round that may start at one tee time of one tee, as a party of some size sees it.
 *
 * @param teeTime       when it starts
 * @param tee           the tee it starts from
 * @param holes         9 or 18
 * @param booked        players on its start slot (those starting there and those turning there)
 * @param available     the least room over the round's slots
 * @param status        what the party can do with it
 * @param rate          the rate that prices it, or null
 * @param releasesAt    when it opens to the class, while it has not
 * @param minPlayers    the least players a booking of it may have
 * @param turn          its turn slot, or null for a round that takes one slot
 * @param turnAvailable the room on the turn slot (0 without one)
 * @param held          players of live holds on its start slot
 */
public record TeeTimeSlot(TeeTime teeTime, String tee, int holes, int booked, int available, TeeTimeStatus status,
                          Rate rate, Instant releasesAt, int minPlayers, Turn turn, int turnAvailable, int held) {

    /** A round of the first tee that takes one slot (Parts 1 and 2). */
    public TeeTimeSlot(TeeTime teeTime, int booked, int available, TeeTimeStatus status, Rate rate,
                       Instant releasesAt, int minPlayers) {
        this(teeTime, Tee.FIRST, 18, booked, available, status, rate, releasesAt, minPlayers, null, 0, 0);
    }
}
