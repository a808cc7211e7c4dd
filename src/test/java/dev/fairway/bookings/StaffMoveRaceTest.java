package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two staff, on two instances, each move an 18-hole round into the last 2 spots of the same tee
 * time at once: one move is taken, the other refused whole, on every slot of both rounds; the
 * database is the judge. Ten times over, on ten tee times.
 */
class StaffMoveRaceTest {

    static Service first;
    static Service second;
    static Http[] staff;
    static Db db;

    @BeforeAll
    static void start() {
        DatabaseUrl database = TestPostgres.newDatabase();
        first = TestService.startReady(database, TestApi.EXAMPLE_CLOCK);
        second = TestService.startReady(database, TestApi.EXAMPLE_CLOCK);
        staff = new Http[] {new Http(first.port()), new Http(second.port())};
        assertThat(staff[0].put("/api/courses/crossover", TwoTeesApiTest.CROSSOVER, TestApi.admin()).status())
                .isEqualTo(201);
        db = new Db(database);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    static String book(String time, int players) {
        Http.Answer booked = staff[0].post("/api/courses/crossover/bookings", "{\"start\": \"" + TwoTeesApiTest.at(time)
                + "\", \"tee\": \"1\", \"holes\": 18, \"players\": " + players + ", \"name\": \"Party " + time + "\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().path("id").asText();
    }

    @Test
    void two_moves_into_the_last_spots_of_one_tee_time_take_one_and_refuse_the_other_whole() throws Exception {
        // Rounds from the 1st tee at 08:00-09:00 turn onto the 10th at 10:00-11:00: every slot free of starts there.
        String[] targets = {"08:00", "08:10", "08:20", "08:30", "08:40", "08:50", "09:00"};
        for (int round = 0; round < targets.length; round++) {
            String target = targets[round];
            book(target, 2);
            String a = book(String.format("06:%d0", round % 6), 2);
            String b = book(String.format("07:%d0", round % 6), 2);

            List<Http.Answer> answers = race(List.of(a, b), target);

            assertThat(answers).extracting(Http.Answer::status).as("round %d: %s", round, answers)
                    .containsExactlyInAnyOrder(200, 409);
            assertThat(answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow().body()).contains("/full");
            // Cancel the winner and the loser, so the next round finds the early slots free again.
            for (String id : List.of(a, b)) {
                assertThat(staff[0].delete("/api/bookings/" + id, TestApi.admin()).status()).isEqualTo(204);
            }
        }
        List<Map<String, Object>> slots = db.rows("""
                select s.tee, s.starts_at, s.booked, s.capacity,
                       coalesce((select sum(players) from booking b where b.status <> 'cancelled' and b.tee = s.tee
                                 and b.starts_at = s.starts_at), 0)
                     + coalesce((select sum(players) from booking b where b.status <> 'cancelled'
                                 and b.turn_tee = s.tee and b.turn_starts_at = s.starts_at), 0) as held
                from tee_time s where s.course_id = 'crossover'""");
        for (Map<String, Object> slot : slots) {
            long held = ((Number) slot.get("held")).longValue();
            assertThat(held).as("players on %s", slot).isLessThanOrEqualTo(4);
            assertThat(((Number) slot.get("booked")).longValue()).as("count of %s", slot).isEqualTo(held);
        }
        assertThat(db.count("select count(*) from booking where status <> 'cancelled'")).isEqualTo(targets.length);
    }

    private static List<Http.Answer> race(List<String> ids, String target) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Answer>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < ids.size(); i++) {
                int client = i;
                futures.add(executor.submit(() -> {
                    go.await();
                    return staff[client].send("PATCH", "/api/bookings/" + ids.get(client),
                            "{\"start\": \"" + TwoTeesApiTest.at(target) + "\"}", "Authorization", TestApi.admin()[1],
                            "Content-Type", "application/json");
                }));
            }
            go.countDown();
        }
        List<Http.Answer> answers = new ArrayList<>();
        for (Future<Http.Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
