package dev.fairway.teesheet;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Players booked per slot, and players of live holds where there are any, looked up by binary
 * search; no entry means nobody.
 */
public final class BookedCounts {

    /** At most this many tees: a slot's key is {@code epochSecond * TEES + tee index}. */
    public static final int TEES = 4;
    public static final BookedCounts NONE = new BookedCounts(new long[0], new int[0], null);

    private final long[] keys;
    private final int[] booked;
    /** Players of live holds, parallel to {@code booked}; null when no slot has any. */
    private final int[] held;

    private BookedCounts(long[] keys, int[] booked, int[] held) {
        this.keys = keys;
        this.booked = booked;
        this.held = held;
    }

    /** The key of the slot of the tee at {@code teeIndex} (its place in the course's tees) at an instant. */
    public static long key(long epochSecond, int teeIndex) {
        return epochSecond * TEES + teeIndex;
    }

    /** Counts of the first tee's slots. */
    public static BookedCounts of(Map<Instant, Integer> counts) {
        TreeMap<Long, Integer> sorted = new TreeMap<>();
        counts.forEach((instant, players) -> sorted.put(key(instant.getEpochSecond(), 0), players));
        long[] keys = new long[sorted.size()];
        int[] players = new int[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Integer> entry : sorted.entrySet()) {
            keys[i] = entry.getKey();
            players[i++] = entry.getValue();
        }
        return new BookedCounts(keys, players, null);
    }

    /** From parallel arrays already sorted by key ({@link #key}; a database query sorts them so). */
    public static BookedCounts ofSorted(long[] keys, int[] booked) {
        return ofSorted(keys, booked, null);
    }

    /** As above, with the players of live holds per slot ({@code held}, null when there are none). */
    public static BookedCounts ofSorted(long[] keys, int[] booked, int[] held) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("keys must be strictly increasing");
            }
        }
        boolean anyHeld = held != null && java.util.Arrays.stream(held).anyMatch(n -> n > 0);
        return new BookedCounts(keys.clone(), booked.clone(), anyHeld ? held.clone() : null);
    }

    /** Players booked on the first tee's slot at {@code epochSecond}. */
    public int at(long epochSecond) {
        return at(epochSecond, 0);
    }

    /** Players booked on the slot of the tee at {@code teeIndex} at {@code epochSecond}. */
    public int at(long epochSecond, int teeIndex) {
        int i = Arrays.binarySearch(keys, key(epochSecond, teeIndex));
        return i >= 0 ? booked[i] : 0;
    }

    /**
     * Counts looked up in increasing key order, as a day's sheet reads them: each look-up steps on
     * from the last instead of searching the whole array again.
     */
    public Cursor cursor() {
        return new Cursor();
    }

    /** A reader of {@link BookedCounts} for keys that never decrease. */
    public final class Cursor {

        private static final int STEPS = 8;
        private int at = -1;
        private boolean matched;

        private Cursor() {
        }

        /** Players on the slot, the key at or after the last one asked. */
        public int at(long epochSecond, int teeIndex) {
            long key = key(epochSecond, teeIndex);
            if (at < 0) {
                at = lowerBound(key, 0);
            } else {
                int steps = 0;
                while (at < keys.length && keys[at] < key && steps++ < STEPS) {
                    at++;
                }
                if (at < keys.length && keys[at] < key) {
                    at = lowerBound(key, at);
                }
            }
            matched = at < keys.length && keys[at] == key;
            return matched ? booked[at] : 0;
        }

        /** Players of live holds on the slot the last {@link #at} asked for. */
        public int held() {
            return matched && held != null ? held[at] : 0;
        }
    }

    private int lowerBound(long key, int from) {
        int i = Arrays.binarySearch(keys, from, keys.length, key);
        return i >= 0 ? i : -i - 1;
    }

    /** Receives one slot's booked count and players of live holds. */
    @FunctionalInterface
    public interface Entry {
        void accept(long key, int booked, int held);
    }

    /** Every slot with {@code from <= instant < to}, in key order. */
    public void forEachBetween(long fromEpochSecond, long toEpochSecond, Entry action) {
        long from = key(fromEpochSecond, 0);
        long to = key(toEpochSecond, 0);
        int i = Arrays.binarySearch(keys, from);
        for (i = i >= 0 ? i : -i - 1; i < keys.length && keys[i] < to; i++) {
            action.accept(keys[i], booked[i], held == null ? 0 : held[i]);
        }
    }

    public int size() {
        return keys.length;
    }
}
