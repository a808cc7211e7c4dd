package dev.fairway.teesheet;

import java.util.List;
import java.util.Optional;

/**
 * The slots a round takes, from a course's layout: its start slot, and for an 18-hole round on a
 * tee that turns, its turn slot. Pure, on the day's grid, in the course's zone.
 */
public final class Rounds {

    private Rounds() {
    }

    /** What a round starting at a tee time needs. */
    public sealed interface Plan {
    }

    /** The round takes its start slot, and its turn slot when {@code turn} is not null. */
    public record Slots(TeeTime start, Turn turn) implements Plan {
    }

    /** An 18-hole round that would turn finds no tee time there in time. */
    public record NoTurn() implements Plan {
    }

    /**
     * The turn of an 18-hole round starting at {@code start} on {@code tee}: the first tee time of
     * the tee it turns to at or after start + turnMinutes on the same local date, unless there is
     * none or it is later than turnMinutes + turnWaitMinutes after the start.
     *
     * @param day the day's grid, in instant order (every tee has the same grid)
     */
    public static Plan plan(Layout layout, Tee tee, TeeTime start, int holes, List<TeeTime> day) {
        if (holes == 9 || tee.turnsTo().isEmpty()) {
            return new Slots(start, null);
        }
        TurnCursor turns = new TurnCursor(layout, day, firstAtOrAfter(day, start.epochSecond() + layout.turnMinutes() * 60L));
        TeeTime turn = turns.turnOf(start);
        return turn == null ? new NoTurn() : new Slots(start, new Turn(tee.turnsTo().orElseThrow(), turn));
    }

    /** The turns of rounds starting on a day, asked in start order, as a day's sheet asks them. */
    public static TurnCursor turns(Layout layout, List<TeeTime> day) {
        return new TurnCursor(layout, day, 0);
    }

    /**
     * Finds the turn tee time of rounds whose starts never go back: the first tee time at or after
     * start + turnMinutes, unless it is later than turnMinutes + turnWaitMinutes after the start.
     */
    public static final class TurnCursor {

        private final long turnSeconds;
        private final long waitSeconds;
        private final List<TeeTime> day;
        private int at;

        private TurnCursor(Layout layout, List<TeeTime> day, int from) {
            this.turnSeconds = layout.turnMinutes() * 60L;
            this.waitSeconds = layout.turnWaitMinutes() * 60L;
            this.day = day;
            this.at = from;
        }

        /** The turn of a round starting at {@code start} (no earlier than the last asked), or null when it has none. */
        public TeeTime turnOf(TeeTime start) {
            long earliest = start.epochSecond() + turnSeconds;
            while (at < day.size() && day.get(at).epochSecond() < earliest) {
                at++;
            }
            return at < day.size() && day.get(at).epochSecond() <= earliest + waitSeconds ? day.get(at) : null;
        }
    }

    /** As {@link #plan}, naming the tee. */
    public static Optional<Plan> plan(CourseRules rules, String teeName, TeeTime start, int holes) {
        return rules.layout().tee(teeName)
                .map(tee -> plan(rules.layout(), tee, start, holes, TeeTimeGrid.on(rules, start.date())));
    }

    private static int firstAtOrAfter(List<TeeTime> day, long epochSecond) {
        int low = 0;
        int high = day.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (day.get(mid).epochSecond() < epochSecond) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
