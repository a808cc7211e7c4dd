package dev.fairway.availability;

import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import dev.fairway.db.DeadlineExceededException;
import dev.fairway.db.Phase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One database read for many requests that need the same thing at once: the first runs it, the
 * others wait for its result (each until its own deadline) instead of each taking a pooled
 * connection. On a release morning every change to a tee time makes its day's cached counts
 * stale, and hundreds of golfers polling that day then missed the cache together; each read the
 * day for itself and 600 of them waited in the pool's line (bench/release).
 *
 * <p>Written here because the cache libraries at hand coalesce loads of an entry they then keep;
 * these results are not kept, only shared while the read runs. A key must say everything the
 * result depends on, including what has changed since (a generation), so that a request never
 * joins a read that began before a change it must see.
 *
 * @param <K> what a read is of
 * @param <V> what it returns
 */
final class SharedReads<K, V> {

    private final String operation;
    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /** @param operation the reads' name, for a joiner whose deadline passes */
    SharedReads(String operation) {
        this.operation = operation;
    }

    /** What {@code read} returns for {@code key}: run here, or by the request already running it. */
    V read(K key, Deadline deadline, Supplier<V> read) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            return join(theirs, deadline);
        }
        try {
            V value = read.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** Reads running now: for tests. */
    int running() {
        return running.size();
    }

    private V join(CompletableFuture<V> theirs, Deadline deadline) {
        try {
            return theirs.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new DatabaseException(operation, Phase.CONNECT, new DeadlineExceededException(operation));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(operation, Phase.CONNECT, new DeadlineExceededException(operation));
        }
    }
}
