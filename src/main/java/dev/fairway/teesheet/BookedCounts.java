package dev.fairway.teesheet;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Players booked per tee-time instant, looked up by binary search; no entry means nobody. */
public final class BookedCounts {

    public static final BookedCounts NONE = new BookedCounts(new long[0], new int[0]);

    private final long[] epochSeconds;
    private final int[] booked;

    private BookedCounts(long[] epochSeconds, int[] booked) {
        this.epochSeconds = epochSeconds;
        this.booked = booked;
    }

    public static BookedCounts of(Map<Instant, Integer> counts) {
        TreeMap<Long, Integer> sorted = new TreeMap<>();
        counts.forEach((instant, players) -> sorted.put(instant.getEpochSecond(), players));
        long[] seconds = new long[sorted.size()];
        int[] players = new int[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Integer> entry : sorted.entrySet()) {
            seconds[i] = entry.getKey();
            players[i++] = entry.getValue();
        }
        return new BookedCounts(seconds, players);
    }

    /** From parallel arrays already sorted by instant (as a database query returns them). */
    public static BookedCounts ofSorted(long[] epochSeconds, int[] booked) {
        for (int i = 1; i < epochSeconds.length; i++) {
            if (epochSeconds[i] <= epochSeconds[i - 1]) {
                throw new IllegalArgumentException("instants must be strictly increasing");
            }
        }
        return new BookedCounts(epochSeconds.clone(), booked.clone());
    }

    public int at(long epochSecond) {
        int i = Arrays.binarySearch(epochSeconds, epochSecond);
        return i >= 0 ? booked[i] : 0;
    }

    /** Receives one tee time's booked count. */
    @FunctionalInterface
    public interface Entry {
        void accept(long epochSecond, int booked);
    }

    /** Every entry with {@code from <= instant < to}, in instant order. */
    public void forEachBetween(long fromEpochSecond, long toEpochSecond, Entry action) {
        int i = Arrays.binarySearch(epochSeconds, fromEpochSecond);
        for (i = i >= 0 ? i : -i - 1; i < epochSeconds.length && epochSeconds[i] < toEpochSecond; i++) {
            action.accept(epochSeconds[i], booked[i]);
        }
    }

    public int size() {
        return epochSeconds.length;
    }
}
