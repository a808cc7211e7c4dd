package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fairway.db.DatabaseException;
import dev.fairway.db.Deadline;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

    private final SharedReads<String, String> reads = new SharedReads<>("test.read");
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void requests_for_the_same_key_while_its_read_runs_share_that_read() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> reads.read("day", deadline(), () -> {
            runs.incrementAndGet();
            waitFor(release);
            return "counts";
        }));
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.running() == 1);

        CompletableFuture<String> second = new CompletableFuture<>();
        waiting(() -> second.complete(reads.read("day", deadline(), () -> {
            runs.incrementAndGet();
            return "a read of its own";
        })));
        String other = reads.read("another day", deadline(), () -> "other");
        release.countDown();

        assertThat(first.get()).isEqualTo("counts");
        assertThat(second.get()).isEqualTo("counts");
        assertThat(other).isEqualTo("other");
        assertThat(runs).hasValue(1);
        assertThat(reads.running()).as("nothing kept once the read is done").isZero();
        assertThat(reads.read("day", deadline(), () -> "read again")).isEqualTo("read again");
    }

    @Test
    void a_joiner_waits_only_until_its_own_deadline_and_a_failure_reaches_every_waiter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("the read failed");
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> reads.read("day", deadline(), () -> {
            waitFor(release);
            throw failure;
        }));
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.running() == 1);
        CompletableFuture<String> patient = new CompletableFuture<>();
        waiting(() -> {
            try {
                patient.complete(reads.read("day", deadline(), () -> "x"));
            } catch (RuntimeException e) {
                patient.completeExceptionally(e);
            }
        });

        assertThatThrownBy(() -> reads.read("day", Deadline.after(Duration.ofMillis(50)), () -> "x"))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("test.read");
        release.countDown();

        assertThat(first).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause().isSameAs(failure);
        assertThat(patient).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause().isSameAs(failure);
    }

    /** Runs {@code request} on a thread of its own, and returns once that thread waits. */
    private static void waiting(Runnable request) {
        Thread thread = Thread.ofPlatform().start(request);
        await().atMost(Duration.ofSeconds(5)).until(() -> thread.getState() == Thread.State.TIMED_WAITING);
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(5));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
