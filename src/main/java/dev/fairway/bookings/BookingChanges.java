package dev.fairway.bookings;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.ids.RandomIds;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.Rounds;
import dev.fairway.teesheet.Tee;
import dev.fairway.teesheet.TeeSheetChanges;
import dev.fairway.teesheet.TeeTime;
import dev.fairway.teesheet.TeeTimeGrid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Staff changes of a booking, on the slot model: a move or a change of size gives back the spots
 * of the old slots and takes those of the new in one transaction, slot by slot in (tee, start)
 * order (as every take locks them, so two changes never wait on each other in a circle); the
 * first slot without room rolls the whole change back. The booking keeps its id; a golfer whose
 * tee time or players changed is emailed the calendar entry's next revision in the same
 * transaction, and the reminder moves with the tee time.
 */
public final class BookingChanges {

    private static final Comparator<Booking.Slot> SLOT_ORDER = Comparator.comparing(Booking.Slot::tee)
            .thenComparing(Booking.Slot::start);

    private final Database database;
    private final Clock clock;
    private final TeeSheetChanges changes;
    private final Runnable emailWritten;
    private final BookingChangeStore store = new BookingChangeStore();
    private final HoldStore holds = new HoldStore();

    public BookingChanges(Database database, Clock clock, TeeSheetChanges changes, Runnable emailWritten) {
        this.database = database;
        this.clock = clock;
        this.changes = changes;
        this.emailWritten = emailWritten;
    }

    /** A slot without room for the change: thrown to roll it back. */
    private static final class SlotRefused extends RuntimeException {
        final transient BookingOutcome.Refused refusal;

        SlotRefused(BookingOutcome.Refused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    /**
     * What the change would make of the booking, before any slot is touched.
     *
     * @param changed the booking as changed, or null when the outcome is a refusal
     * @param refusal why not, or null
     */
    private record Plan(Booking changed, ChangeOutcome refusal) {
    }

    ChangeOutcome change(Course course, String id, BookingChange change, Deadline deadline) {
        if (!RandomIds.plausible(id)) {
            return new ChangeOutcome.NotFound();
        }
        Booking[] before = new Booking[1];
        ChangeOutcome outcome;
        try {
            outcome = database.write("bookings.change", deadline, session -> {
                Optional<Booking> locked = store.lock(session, id);
                if (locked.isEmpty() || !locked.get().courseId().equals(course.id())) {
                    return new ChangeOutcome.NotFound();
                }
                Booking old = locked.get();
                before[0] = old;
                if (!old.holdsSpots()) {
                    return new ChangeOutcome.AlreadyCancelled();
                }
                Plan plan = plan(course, old, change);
                if (plan.refusal() != null) {
                    return plan.refusal();
                }
                Booking changed = plan.changed();
                Map<Booking.Slot, Integer> deltas = deltas(old, changed);
                int max = course.rules().maxPlayersPerTeeTime();
                for (Map.Entry<Booking.Slot, Integer> delta : deltas.entrySet()) {
                    Booking.Slot slot = delta.getKey();
                    boolean turn = slot.equals(changed.turn());
                    if (delta.getValue() > 0 && store.blocked(session, course.id(), slot)) {
                        throw new SlotRefused(BookingOutcome.Refused.bySlot(BookingOutcome.Reason.BLOCKED, 0, slot, turn));
                    }
                }
                for (Map.Entry<Booking.Slot, Integer> delta : deltas.entrySet()) {
                    Booking.Slot slot = delta.getKey();
                    int players = delta.getValue();
                    if (players < 0) {
                        store.giveBack(session, course.id(), slot, -players);
                    } else if (!store.take(session, course.id(), slot, players, max)
                            && !(holds.sweep(session, course.id(), slot, null, clock.instant()) > 0
                                 && store.take(session, course.id(), slot, players, max))) {
                        // Refused even after the slot's lapsed holds, if any, gave their spots back.
                        int room = store.room(session, course.id(), slot, max);
                        // Room the party's own old spots on this slot would have given back is counted in.
                        throw new SlotRefused(BookingOutcome.Refused.bySlot(BookingOutcome.Reason.FULL,
                                room + changed.players() - players, slot, slot.equals(changed.turn())));
                    }
                }
                store.update(session, changed);
                if (emailed(old, changed)) {
                    store.emailChange(session, changed);
                    if (!old.start().equals(changed.start())) {
                        store.moveReminder(session, changed.id());
                    }
                }
                return new ChangeOutcome.Changed(changed);
            });
        } catch (SlotRefused refused) {
            return new ChangeOutcome.Refused(refused.refusal);
        }
        if (outcome instanceof ChangeOutcome.Changed done) {
            changes.teeTimeChanged(course.id(), before[0].start());
            changes.teeTimeChanged(course.id(), done.booking().start());
            if (emailed(before[0], done.booking())) {
                emailWritten.run();
            }
        }
        return outcome;
    }

    /** The booking as the change makes it, or why the change cannot be made. */
    private Plan plan(Course course, Booking old, BookingChange change) {
        String teeName = change.tee().orElse(old.tee());
        Instant start = change.start().orElse(old.start());
        int holes = change.holes().orElse(old.holes());
        Booking.Slot turn = old.turn();
        boolean moved = !teeName.equals(old.tee()) || !start.equals(old.start()) || holes != old.holes();
        if (moved) {
            Optional<TeeTime> teeTime = TeeTimeGrid.at(course.rules(), start);
            Optional<Tee> tee = course.rules().layout().tee(teeName);
            if (teeTime.isEmpty() || tee.isEmpty() || !tee.get().startsAt(teeTime.get())) {
                return new Plan(null, new ChangeOutcome.NotATeeTime());
            }
            Rounds.Plan round = Rounds.plan(course.rules().layout(), tee.get(), teeTime.get(), holes,
                    TeeTimeGrid.on(course.rules(), teeTime.get().date()));
            if (!(round instanceof Rounds.Slots slots)) {
                return new Plan(null, new ChangeOutcome.Refused(new BookingOutcome.Refused(BookingOutcome.Reason.NO_TURN, 0)));
            }
            turn = slots.turn() == null ? null : new Booking.Slot(slots.turn().tee(), slots.turn().teeTime().instant());
        }
        Booking.Status status = change.status().orElse(old.status());
        Instant now = clock.instant();
        if (status != old.status()) {
            if (status == Booking.Status.NO_SHOW && now.isBefore(start)) {
                return new Plan(null, new ChangeOutcome.NotStarted());
            }
            LocalDate date = LocalDate.ofInstant(start, course.rules().zone());
            if (status == Booking.Status.CHECKED_IN && !date.equals(LocalDate.ofInstant(now, course.rules().zone()))) {
                return new Plan(null, new ChangeOutcome.NotToday(date));
            }
        }
        int players = change.players().orElse(old.players());
        String notes = change.notes().map(given -> given.filter(text -> !text.isEmpty()).orElse(null)).orElse(old.notes());
        boolean told = old.email() != null && (moved || players != old.players());
        return new Plan(new Booking(old.id(), old.courseId(), start, players, change.name().orElse(old.name()), old.email(),
                status, old.createdAt(), old.golferId(), old.booker(), teeName, holes, turn, old.pricePerPlayer(),
                old.groupId(), notes, old.sequence() + (told ? 1 : 0)), null);
    }

    /** Whether the golfer is told: the booking has an email, and its tee time or players changed. */
    private static boolean emailed(Booking old, Booking changed) {
        return changed.sequence() > old.sequence();
    }

    /** Each slot's change of players, those that change, in (tee, start) order. */
    private static Map<Booking.Slot, Integer> deltas(Booking old, Booking changed) {
        Map<Booking.Slot, Integer> deltas = new TreeMap<>(SLOT_ORDER);
        old.slots().forEach(slot -> deltas.merge(slot, -old.players(), Integer::sum));
        changed.slots().forEach(slot -> deltas.merge(slot, changed.players(), Integer::sum));
        deltas.values().removeIf(players -> players == 0);
        return deltas;
    }
}
