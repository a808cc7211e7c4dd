package dev.fairway.chaos;

import dev.fairway.support.Http;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Concurrent clients of a scenario: readers ask for availability of a few dates over and over;
 * bookers book 1 or 2 players on a small set of tee times (so they compete for spots), each
 * request with its own Idempotency-Key, and send a request again, with the same key, until it
 * gets a definite answer (201 or 409) — as a careful client does.
 */
public final class Workload implements AutoCloseable {

    /** The tee times bookers compete for: 24 of them, 4 players each. */
    static final int TEE_TIMES = 24;
    private static final Duration READER_PAUSE = Duration.ofMillis(20);
    private static final Duration BOOKER_PAUSE = Duration.ofMillis(40);

    private final Http http;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> unanswered = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;

    private Workload(Http http) {
        this.http = http;
    }

    public static Workload start(ChaosEnvironment env, int readers, int bookers) {
        return start(env.http(), readers, bookers);
    }

    /** The load against any Fairway that has the {@link ChaosEnvironment#COURSE} course. */
    public static Workload start(Http http, int readers, int bookers) {
        Workload workload = new Workload(http);
        for (int i = 0; i < readers; i++) {
            workload.clients.execute(workload::readLoop);
        }
        for (int i = 0; i < bookers; i++) {
            workload.clients.execute(workload::bookLoop);
        }
        return workload;
    }

    private void readLoop() {
        while (running) {
            String date = ChaosEnvironment.BOOKING_DATE.plusDays(ThreadLocalRandom.current().nextInt(-1, 2)).toString();
            long start = System.nanoTime();
            Sent sent = send(() -> http.get("/api/courses/" + ChaosEnvironment.COURSE + "/availability?from="
                    + date + "&players=1"));
            Http.Answer answer = sent.answer();
            boolean stale = answer != null && answer.status() == 200 && answer.body().contains("\"stale\":true");
            record(Outcome.Kind.AVAILABILITY, sent, start, stale);
            pause(READER_PAUSE);
        }
    }

    private void bookLoop() {
        while (running) {
            String key = UUID.randomUUID().toString();
            LocalTime time = LocalTime.of(8, 0).plusMinutes(10L * ThreadLocalRandom.current().nextInt(TEE_TIMES));
            String body = "{\"start\": \"" + ChaosEnvironment.BOOKING_DATE + "T" + time + ":00Z\", \"players\": "
                    + ThreadLocalRandom.current().nextInt(1, 3) + ", \"name\": \"chaos " + key + "\"}";
            unanswered.put(key, body);
            while (running && unanswered.containsKey(key)) {
                book(key, body);
                pause(BOOKER_PAUSE);
            }
        }
    }

    private void book(String key, String body) {
        long start = System.nanoTime();
        Sent sent = send(() -> http.post("/api/courses/" + ChaosEnvironment.COURSE + "/bookings", body,
                "Idempotency-Key", key));
        record(Outcome.Kind.BOOKING, sent, start, false);
        Http.Answer answer = sent.answer();
        if (answer != null && answer.status() == 201) {
            acknowledged.put(key, answer.json().path("id").asText());
            unanswered.remove(key);
        } else if (answer != null && answer.status() == 409 && !answer.body().contains("request-in-progress")) {
            refused.add(key);
            unanswered.remove(key);
        }
    }

    /** Stops the clients; requests without a definite answer stay unanswered. */
    public void stop() {
        running = false;
        clients.close();
    }

    /** Sends every unanswered booking again, with its key, until it gets a definite answer. */
    public void finishUnanswered(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
            for (Map.Entry<String, String> request : List.copyOf(unanswered.entrySet())) {
                book(request.getKey(), request.getValue());
            }
            pause(BOOKER_PAUSE);
        }
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Idempotency-Key to booking id, for every booking answered 201. */
    public Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    public Set<String> unanswered() {
        return Set.copyOf(unanswered.keySet());
    }

    public Set<String> refused() {
        return Set.copyOf(refused);
    }

    private void record(Outcome.Kind kind, Sent sent, long start, boolean stale) {
        long latency = System.nanoTime() - start;
        Http.Answer answer = sent.answer();
        String problem = answer == null ? sent.error() : answer.status() >= 400 ? answer.body() : null;
        outcomes.add(new Outcome(kind, answer == null ? 0 : answer.status(), start, latency, stale,
                answer == null ? null : answer.header("Retry-After"), problem));
    }

    /** An answer, or the error that stood in for one. */
    private record Sent(Http.Answer answer, String error) {
    }

    private static Sent send(java.util.function.Supplier<Http.Answer> request) {
        try {
            return new Sent(request.get(), null);
        } catch (UncheckedIOException e) {
            return new Sent(null, causes(e.getCause())); // no answer at all: counted as an error
        }
    }

    /** The exception and its causes, so a report can say what a transport error was. */
    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
