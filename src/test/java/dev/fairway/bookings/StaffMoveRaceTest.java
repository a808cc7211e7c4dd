package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.Http;
import dev.fairway.support.Race;
import dev.fairway.support.TestApi;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two staff, on two instances, each move an 18-hole round into the last 2 spots of the same tee
 * time at once: one move is taken, the other refused whole, on every slot of both rounds; the
 * database is the judge. Seven times over, on seven tee times.
 */
class StaffMoveRaceTest {

    static CrossoverOnTwoInstances course;

    @BeforeAll
    static void start() {
        course = CrossoverOnTwoInstances.start();
    }

    @AfterAll
    static void stop() {
        course.close();
    }

    static String book(String time, int players) {
        Http.Answer booked = course.instances[0].post("/api/courses/crossover/bookings", "{\"start\": \""
                + TwoTeesApiTest.at(time) + "\", \"tee\": \"1\", \"holes\": 18, \"players\": " + players
                + ", \"name\": \"Party " + time + "\"}");
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
                assertThat(course.instances[0].delete("/api/bookings/" + id, TestApi.admin()).status()).isEqualTo(204);
            }
        }
        course.assertSlotsMatchTheirBookings();
        assertThat(course.db.count("select count(*) from booking where status <> 'cancelled'")).isEqualTo(targets.length);
    }

    private static List<Http.Answer> race(List<String> ids, String target) throws Exception {
        return Race.of(ids.size(), client -> course.instances[client].send("PATCH", "/api/bookings/" + ids.get(client),
                "{\"start\": \"" + TwoTeesApiTest.at(target) + "\"}", "Authorization", TestApi.admin()[1],
                "Content-Type", "application/json"));
    }
}
