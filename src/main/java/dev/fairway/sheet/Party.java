package dev.fairway.sheet;

import java.time.Instant;

/**
 * A party in a slot of the staff's sheet: a booking (or, from issue 27, a hold).
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
 * @param groupId its group, or null
 * @param notes   the staff's notes, or null
 */
record Party(String kind, String id, String name, int players, int holes, String status, boolean turn, String tee,
             Instant start, String groupId, String notes) {
}
