package dev.fairway.sheet;

import java.time.LocalDate;
import java.util.List;

/**
 * A course's day as its staff run it: every slot of every tee.
 *
 * @param date  the local date
 * @param tees  the course's tees, in its order
 * @param slots every grid tee time of every tee (and any slot a party holds off the grid), by start then tee
 */
record Sheet(LocalDate date, List<String> tees, List<SheetSlot> slots) {
}
