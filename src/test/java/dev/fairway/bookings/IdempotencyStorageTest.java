package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * What one client can make the service store: every keyed request is kept at least 24 hours,
 * refused ones too (a repeat must get the same answer). 10,000 refused requests with the longest
 * keys the contract allows must cost little: the key is kept as its hash, the fingerprint as
 * bytes, and the age index is a BRIN.
 */
class IdempotencyStorageTest {

    static final int REQUESTS = 10_000;
    /** Measured: 10.7 MB with the key and fingerprint as text and a b-tree on their age; 4.2 MB after. */
    static final long MOST_BYTES = 5_000_000;

    @Test
    void ten_thousand_refused_requests_with_255_character_keys_take_under_5_mb() {
        try (TestApi api = TestApi.startWithPineValley()) {
            long before = api.db.count("select pg_total_relation_size('idempotency_key')");
            String body = "{\"start\": \"2027-06-05T12:00:00-04:00\", \"players\": 1, \"name\": \"Too Early\"}";
            List<CompletableFuture<Integer>> clients = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int client = 0; client < 8; client++) {
                    int first = client;
                    clients.add(CompletableFuture.supplyAsync(() -> {
                        int refused = 0;
                        for (int i = first; i < REQUESTS; i += 8) {
                            String key = String.format("%0255d", i);
                            Http.Answer answer = api.http.post("/api/courses/pine-valley/bookings", body, "Idempotency-Key", key);
                            refused += answer.status() == 409 ? 1 : 0;
                        }
                        return refused;
                    }, threads));
                }
            }
            int refused = clients.stream().mapToInt(CompletableFuture::join).sum();
            long grown = api.db.count("select pg_total_relation_size('idempotency_key')") - before;
            System.out.printf("idempotency_key grew %,d bytes for %,d refused requests (%d bytes each)%n", grown, refused,
                    grown / Math.max(1, refused));

            assertThat(refused).as("requests refused as outside the booking window").isEqualTo(REQUESTS);
            assertThat(api.db.count("select count(*) from idempotency_key")).isEqualTo(REQUESTS);
            assertThat(grown).as("growth of the key table, heap and indexes").isLessThan(MOST_BYTES);
            Http.Answer replay = api.http.post("/api/courses/pine-valley/bookings", body, "Idempotency-Key",
                    String.format("%0255d", 42));
            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        }
    }
}
