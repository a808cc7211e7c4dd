package dev.fairway.sheet;

import java.time.Instant;

/**
 * A party in a slot of the staff's sheet: a booking or a live hold.
 *
 * @param kind    "booking" or "hold"
 * @param id      its id
 * @param name    the name it is under
 * @param players its players
 * @param holes   9 or 18
 * @param status  its status
 * @param turn    true when this slot is the party's turn, not its start
 * @param tee     the tee the party starts from
 * @param start   when the party starts
 * @param turnTee   the tee of its turn, or null (a round of one slot)
 * @param turnStart when it turns, or null
 * @param groupId its group, or null
 * @param notes   the staff's notes, or null
 * @param email   the address its emails go to, or null
 * @param golferId the signed-in golfer who booked it, or null
 * @param expiresAt when a hold lapses; null for a booking
 */
record Party(String kind, String id, String name, int players, int holes, String status, boolean turn, String tee,
             Instant start, String turnTee, Instant turnStart, String groupId, String notes, String email,
             String golferId, Instant expiresAt) {

    /** The same party seen from the slot where it turns. */
    Party atTheTurn() {
        return new Party(kind, id, name, players, holes, status, true, tee, start, turnTee, turnStart, groupId, notes, email,
                golferId, expiresAt);
    }
}
