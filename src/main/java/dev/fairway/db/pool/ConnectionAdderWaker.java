package dev.fairway.db.pool;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cuts HikariCP's connection-adder backoff short once the database is known to be back.
 *
 * <p>While the database is down, HikariCP's adder thread sleeps between failed connects for
 * 10 ms, then twice as long each time, up to 5 s. When the database returns, the pool would stay
 * empty until that sleep ends: seconds in which every request fails. HikariCP stops the adder
 * loop cleanly when its thread is interrupted (the loop checks {@code Thread.interrupted()}), and
 * the next request that waits for a connection starts a fresh one at 10 ms. So the pool's threads
 * come from this factory, and {@link #wake()} interrupts the one that sleeps in the adder's
 * backoff, found by its stack.
 */
final class ConnectionAdderWaker implements ThreadFactory {

    private static final String ADDER = "com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator";
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final String poolName;

    ConnectionAdderWaker(String poolName) {
        this.poolName = poolName;
    }

    @Override
    public Thread newThread(Runnable task) {
        threads.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
        Thread thread = Thread.ofPlatform().daemon().name(poolName + "-pool-" + count.incrementAndGet()).unstarted(task);
        threads.add(thread);
        return thread;
    }

    /** Interrupts the pool's adder if it is sleeping in its backoff; returns how many threads it woke. */
    int wake() {
        int woken = 0;
        for (Thread thread : threads) {
            if (thread.isAlive() && sleepingInAdderBackoff(thread.getStackTrace())) {
                thread.interrupt();
                woken++;
            }
        }
        return woken;
    }

    static boolean sleepingInAdderBackoff(StackTraceElement[] stack) {
        boolean sleeping = false;
        for (int i = 0; i < Math.min(stack.length, 6); i++) {
            if (stack[i].getClassName().equals("java.lang.Thread") && stack[i].getMethodName().startsWith("sleep")) {
                sleeping = true;
            }
        }
        if (!sleeping) {
            return false;
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(ADDER)) {
                return true;
            }
        }
        return false;
    }
}
