package dev.fairway.sheet;

import java.time.Instant;
import java.util.List;

/**
 * One slot of the staff's sheet: a tee time of a tee, what it holds and who.
 *
 * @param tee       the tee
 * @param start     the tee time
 * @param capacity  the course's players per tee time
 * @param booked    players of bookings starting or turning here
 * @param held      players of live holds
 * @param available what is left
 * @param block     the block that covers it, or null
 * @param parties   the parties starting or turning here, by start then by name
 */
record SheetSlot(String tee, Instant start, int capacity, int booked, int held, int available, BlockRef block,
                 List<Party> parties) {

    /**
     * A block, as the sheet names it.
     *
     * @param id     its id
     * @param reason its reason, or null
     */
    record BlockRef(String id, String reason) {
    }
}
