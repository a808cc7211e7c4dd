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
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, 18-hole rounds racing for slots that are one round's start and
 * another's turn: crossovers from the 10th tee at 06:00-06:20 turn onto the 1st tee at 08:00-08:20,
 * which the 1st tee's own starts want; the 1st tee's 06:00-06:20 rounds turn onto the 10th at
 * 08:00-08:20, which the 10th's own starts want. The database is the judge of every slot.
 */
class TurnRaceTest {

    static final String[][] ROUNDS = {
            {"10", "06:00"}, {"10", "06:10"}, {"10", "06:20"},
            {"1", "08:00"}, {"1", "08:10"}, {"1", "08:20"},
            {"1", "06:00"}, {"1", "06:10"}, {"1", "06:20"},
            {"10", "08:00"}, {"10", "08:10"}, {"10", "08:20"}};

    static Service first;
    static Service second;
    static Http[] instances;
    static Db db;

    @BeforeAll
    static void start() {
        DatabaseUrl database = TestPostgres.newDatabase();
        first = TestService.startReady(database, TestApi.EXAMPLE_CLOCK);
        second = TestService.startReady(database, TestApi.EXAMPLE_CLOCK);
        instances = new Http[] {new Http(first.port()), new Http(second.port())};
        assertThat(instances[0].put("/api/courses/crossover", TwoTeesApiTest.CROSSOVER, TestApi.admin()).status())
                .isEqualTo(201);
        db = new Db(database);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void forty_crossing_eighteen_hole_rounds_never_overfill_a_slot_nor_book_half_a_round() throws Exception {
        Random random = new Random(25);
        int[] round = random.ints(40, 0, ROUNDS.length).toArray();
        int[] players = random.ints(40, 1, 5).toArray();

        List<Http.Answer> answers = race(40, i -> instances[i % 2].post("/api/courses/crossover/bookings",
                "{\"start\": \"" + TwoTeesApiTest.at(ROUNDS[round[i]][1]) + "\", \"tee\": \"" + ROUNDS[round[i]][0]
                        + "\", \"holes\": 18, \"players\": " + players[i] + ", \"name\": \"Racer " + i + "\"}"));

        assertThat(answers).extracting(Http.Answer::status).containsOnly(201, 409);
        assertThat(answers.stream().filter(a -> a.status() == 409)).allMatch(a -> a.body().contains("/problems/full"));
        assertThat(answers.stream().filter(a -> a.status() == 201)).as("some booked").isNotEmpty();
        assertThat(answers.stream().filter(a -> a.status() == 409)).as("some refused: the slots were contended")
                .isNotEmpty();
        assertThat(answers.stream().filter(a -> a.status() == 201)).as("every round booked holds its turn")
                .allMatch(a -> a.json().path("turn").path("start").isTextual());
        assertThat(db.count("select count(*) from booking where status = 'confirmed' and turn_starts_at is null"))
                .as("no half round stored").isZero();
        List<Map<String, Object>> slots = db.rows("""
                select s.tee, s.starts_at, s.booked, s.capacity,
                       coalesce((select sum(players) from booking b where b.status = 'confirmed' and b.tee = s.tee
                                 and b.starts_at = s.starts_at), 0)
                     + coalesce((select sum(players) from booking b where b.status = 'confirmed'
                                 and b.turn_tee = s.tee and b.turn_starts_at = s.starts_at), 0) as held
                from tee_time s where s.course_id = 'crossover'""");
        assertThat(slots).as("slots touched").hasSizeGreaterThanOrEqualTo(12);
        for (Map<String, Object> slot : slots) {
            long held = ((Number) slot.get("held")).longValue();
            assertThat(held).as("players on %s", slot).isLessThanOrEqualTo(4);
            assertThat(((Number) slot.get("booked")).longValue()).as("count of %s", slot).isEqualTo(held);
        }
    }

    private static List<Http.Answer> race(int clients, IntFunction<Http.Answer> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Answer>> futures = new ArrayList<>();
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
        List<Http.Answer> answers = new ArrayList<>();
        for (Future<Http.Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
