package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.Race;
import dev.fairway.support.TestApi;
import java.util.List;
import java.util.Random;
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

    static CrossoverOnTwoInstances course;

    @BeforeAll
    static void start() {
        course = CrossoverOnTwoInstances.start();
    }

    @AfterAll
    static void stop() {
        course.close();
    }

    @Test
    void forty_crossing_eighteen_hole_rounds_never_overfill_a_slot_nor_book_half_a_round() throws Exception {
        Random random = new Random(25);
        int[] round = random.ints(40, 0, ROUNDS.length).toArray();
        int[] players = random.ints(40, 1, 5).toArray();

        List<Http.Answer> answers = Race.of(40, i -> course.instances[i % 2].post("/api/courses/crossover/bookings",
                "{\"start\": \"" + TwoTeesApiTest.at(ROUNDS[round[i]][1]) + "\", \"tee\": \"" + ROUNDS[round[i]][0]
                        + "\", \"holes\": 18, \"players\": " + players[i] + ", \"name\": \"Racer " + i + "\"}"));

        assertThat(answers).extracting(Http.Answer::status).containsOnly(201, 409);
        assertThat(answers.stream().filter(a -> a.status() == 409)).allMatch(a -> a.body().contains("/problems/full"));
        assertThat(answers.stream().filter(a -> a.status() == 201)).as("some booked").isNotEmpty();
        assertThat(answers.stream().filter(a -> a.status() == 409)).as("some refused: the slots were contended")
                .isNotEmpty();
        assertThat(answers.stream().filter(a -> a.status() == 201)).as("every round booked holds its turn")
                .allMatch(a -> a.json().path("turn").path("start").isTextual());
        assertThat(course.db.count("select count(*) from booking where status = 'confirmed' and turn_starts_at is null"))
                .as("no half round stored").isZero();
        assertThat(course.assertSlotsMatchTheirBookings()).as("slots touched").isGreaterThanOrEqualTo(12);
    }
}
