package dev.fairway.teesheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The union of blocks as sorted, disjoint periods, so "is this instant blocked?" is one binary search. */
final class BlockedPeriods {

    private final long[] starts;
    private final long[] ends;

    private BlockedPeriods(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static BlockedPeriods of(List<Block> blocks) {
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparing(Block::start));
        long[] starts = new long[sorted.size()];
        long[] ends = new long[sorted.size()];
        int n = 0;
        for (Block block : sorted) {
            long start = block.start().getEpochSecond();
            long end = endSecond(block);
            if (n > 0 && start <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], end);
            } else {
                starts[n] = start;
                ends[n++] = end;
            }
        }
        return new BlockedPeriods(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Whether some block has {@code start <= instant < end}. */
    boolean covers(long epochSecond) {
        int i = Arrays.binarySearch(starts, epochSecond);
        if (i >= 0) {
            return true;
        }
        int before = -i - 2; // the last period starting before the instant
        return before >= 0 && epochSecond < ends[before];
    }

    /** A block's exclusive end in whole seconds: an end of 09:00:00.5 still blocks the 09:00:00 tee time. */
    private static long endSecond(Block block) {
        return block.end().getNano() == 0 ? block.end().getEpochSecond() : block.end().getEpochSecond() + 1;
    }
}
