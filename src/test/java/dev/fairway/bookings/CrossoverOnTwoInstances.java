package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.Service;
import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.Http;
import dev.fairway.support.TestApi;
import dev.fairway.support.TestPostgres;
import dev.fairway.support.TestService;
import java.util.List;
import java.util.Map;

/**
 * Two instances on one database with the two-tee course "crossover" ({@link TwoTeesApiTest#CROSSOVER}),
 * for the races of rounds and moves, and the check that the database is their judge.
 */
final class CrossoverOnTwoInstances implements AutoCloseable {

    private final Service first;
    private final Service second;
    final Http[] instances;
    final Db db;

    private CrossoverOnTwoInstances(DatabaseUrl database) {
        first = TestService.startReady(database, TestApi.EXAMPLE_CLOCK);
        second = TestService.startReady(database, TestApi.EXAMPLE_CLOCK);
        instances = new Http[] {new Http(first.port()), new Http(second.port())};
        db = new Db(database);
    }

    static CrossoverOnTwoInstances start() {
        CrossoverOnTwoInstances both = new CrossoverOnTwoInstances(TestPostgres.newDatabase());
        assertThat(both.instances[0].put("/api/courses/crossover", TwoTeesApiTest.CROSSOVER, TestApi.admin()).status())
                .isEqualTo(201);
        return both;
    }

    /**
     * Asserts that no slot holds more than 4 players and that each slot's count is the players of
     * the bookings that start or turn there; answers how many slots there are.
     */
    int assertSlotsMatchTheirBookings() {
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
        return slots.size();
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
