package dev.fairway.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.db.Deadline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeeTimeAdmissionTest {

    private final TeeTimeAdmission admission = new TeeTimeAdmission(4);
    private final Instant nine = Instant.parse("2026-12-05T14:00:00Z");

    @Test
    void lets_half_the_pool_of_bookings_of_a_tee_time_in_and_keeps_the_next_waiting_until_its_deadline() {
        TeeTimeAdmission.Admitted first = admission.enter("c", nine, Deadline.after(Duration.ofSeconds(1)));
        TeeTimeAdmission.Admitted second = admission.enter("c", nine, Deadline.after(Duration.ofSeconds(1)));

        long start = System.nanoTime();
        TeeTimeAdmission.Admitted third = admission.enter("c", nine, Deadline.after(Duration.ofMillis(100)));

        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(third).as("no place before the deadline").isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        first.close();
        TeeTimeAdmission.Admitted fourth = admission.enter("c", nine, Deadline.after(Duration.ofMillis(100)));
        assertThat(fourth).as("a place given back is taken").isNotNull();
        second.close();
        fourth.close();
    }

    @Test
    void lets_at_least_two_in_however_small_the_pool() {
        TeeTimeAdmission tiny = new TeeTimeAdmission(1);

        assertThat(tiny.enter("c", nine, Deadline.after(Duration.ofMillis(1)))).isNotNull();
        assertThat(tiny.enter("c", nine, Deadline.after(Duration.ofMillis(1)))).isNotNull();
        assertThat(tiny.enter("c", nine, Deadline.after(Duration.ofMillis(1)))).isNull();
    }

    @Test
    void other_tee_times_and_courses_have_lines_of_their_own() {
        TeeTimeAdmission admission = new TeeTimeAdmission(10);
        for (int i = 0; i < 5; i++) {
            assertThat(admission.enter("c", nine, Deadline.after(Duration.ofSeconds(1)))).isNotNull();
        }
        assertThat(admission.enter("c", nine, Deadline.after(Duration.ofMillis(1)))).as("the tee time's line").isNull();

        assertThat(admission.enter("c", nine.plusSeconds(600), Deadline.after(Duration.ofMillis(1)))).isNotNull();
        assertThat(admission.enter("d", nine, Deadline.after(Duration.ofMillis(1)))).isNotNull();
    }

    @Test
    void keeps_two_connections_from_bookings_for_the_reads() {
        TeeTimeAdmission admission = new TeeTimeAdmission(10);
        TeeTimeAdmission.Admitted[] in = new TeeTimeAdmission.Admitted[8];
        for (int i = 0; i < in.length; i++) {
            in[i] = admission.enter("c", nine.plusSeconds(600L * i), Deadline.after(Duration.ofSeconds(1)));
            assertThat(in[i]).as("booking %d of a tee time of its own", i).isNotNull();
        }

        assertThat(admission.enter("d", nine, Deadline.after(Duration.ofMillis(50))))
                .as("a ninth booking, on the tenth connection's claim").isNull();
        in[0].close();
        assertThat(admission.enter("d", nine, Deadline.after(Duration.ofMillis(50)))).as("once one is out").isNotNull();
        assertThat(admission.busyTeeTimes()).as("the refused one left its line").isEqualTo(8);
    }

    @Test
    void forgets_a_tee_time_once_nobody_is_in_line() {
        TeeTimeAdmission.Admitted only = admission.enter("c", nine, Deadline.after(Duration.ofSeconds(1)));
        assertThat(admission.busyTeeTimes()).isEqualTo(1);

        only.close();

        assertThat(admission.busyTeeTimes()).isZero();
    }
}
