package dev.fairway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests that race: each client on a thread of its own, all let go at once. */
public final class Race {

    private Race() {
    }

    /** Runs {@code request(0..clients-1)} together and answers what each returned, in client order. */
    public static <T> List<T> of(int clients, IntFunction<T> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                int client = i;
                futures.add(executor.submit(() -> {
                    go.await();
                    return request.apply(client);
                }));
            }
            go.countDown();
        }
        List<T> answers = new ArrayList<>();
        for (Future<T> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
