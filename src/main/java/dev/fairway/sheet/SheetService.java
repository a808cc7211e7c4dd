package dev.fairway.sheet;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Tee;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeGrid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The staff's sheet of a course's day: every slot of every tee, with its parties and its block. */
public final class SheetService {

    private final Database database;
    private final Clock clock;
    private final SheetStore store = new SheetStore();

    public SheetService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * What was read of the day.
     *
     * @param counts   the slots' counts
     * @param parties  the bookings holding spots on it and its live holds
     * @param blocks   the blocks over it
     */
    private record Read(List<SheetStore.Counts> counts, List<Party> parties, List<SheetStore.BlockRow> blocks) {
    }

    Sheet day(Course course, LocalDate date, Deadline deadline) {
        Instant from = date.atStartOfDay(course.rules().zone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(course.rules().zone()).toInstant();
        Instant now = clock.instant();
        Read read = database.read("sheet.day", deadline, session -> new Read(store.counts(session, course.id(), from, to),
                store.parties(session, course.id(), from, to, now), store.blocks(session, course.id(), from, to)));
        List<String> tees = course.rules().layout().tees().stream().map(Tee::name).toList();
        Map<String, Integer> teeOrder = new HashMap<>();
        tees.forEach(tee -> teeOrder.put(tee, teeOrder.size()));
        // Every grid tee time of every tee, and any slot a party holds off today's grid (hours changed since).
        Comparator<SlotKey> order = Comparator.comparing(SlotKey::start)
                .thenComparing(key -> teeOrder.getOrDefault(key.tee(), tees.size()))
                .thenComparing(SlotKey::tee);
        TreeSet<SlotKey> keys = new TreeSet<>(order);
        for (TeeTime teeTime : TeeTimeGrid.on(course.rules(), date)) {
            tees.forEach(tee -> keys.add(new SlotKey(tee, teeTime.instant())));
        }
        Map<SlotKey, List<Party>> parties = new HashMap<>();
        for (Party party : read.parties()) {
            if (!party.start().isBefore(from) && party.start().isBefore(to)) {
                add(keys, parties, new SlotKey(party.tee(), party.start()), party);
            }
            if (party.turnStart() != null && !party.turnStart().isBefore(from) && party.turnStart().isBefore(to)) {
                add(keys, parties, new SlotKey(party.turnTee(), party.turnStart()), party.atTheTurn());
            }
        }
        Map<SlotKey, SheetStore.Counts> counts = new HashMap<>();
        read.counts().forEach(c -> counts.put(new SlotKey(c.tee(), c.start()), c));
        int capacity = course.rules().maxPlayersPerTeeTime();
        List<SheetSlot> slots = new ArrayList<>(keys.size());
        for (SlotKey key : keys) {
            SheetStore.Counts count = counts.get(key);
            int booked = count == null ? 0 : count.booked();
            // The live holds' players: the row's held may still count holds that lapsed unswept.
            int held = parties.getOrDefault(key, List.of()).stream().filter(p -> p.kind().equals("hold"))
                    .mapToInt(Party::players).sum();
            SheetSlot.BlockRef block = read.blocks().stream().filter(b -> b.covers(key.tee(), key.start())).findFirst()
                    .map(b -> new SheetSlot.BlockRef(b.id(), b.reason())).orElse(null);
            slots.add(new SheetSlot(key.tee(), key.start(), capacity, booked, held, Math.max(0, capacity - booked - held),
                    block, parties.getOrDefault(key, List.of())));
        }
        return new Sheet(date, tees, slots);
    }

    private record SlotKey(String tee, Instant start) {
    }

    private static void add(TreeSet<SlotKey> keys, Map<SlotKey, List<Party>> parties, SlotKey key, Party party) {
        keys.add(key);
        parties.computeIfAbsent(key, k -> new ArrayList<>()).add(party);
    }

}
