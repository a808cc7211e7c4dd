package dev.fairway.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.teesheet.TeeSheetChanges;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChangePayloadsTest {

    @Test
    void splits_a_large_batch_into_payloads_postgresql_accepts_each_naming_its_sender() {
        List<String> changes = IntStream.range(0, 1000)
                .mapToObj(i -> ChangePayloads.teeTime("course-" + i, Instant.ofEpochSecond(1_800_000_000L + i * 600L)))
                .toList();

        List<String> payloads = ChangePayloads.batch("instance-1", changes, ChangePublisher.MAX_PAYLOAD_BYTES);

        assertThat(payloads).hasSizeGreaterThan(1);
        assertThat(payloads).allSatisfy(payload -> {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ChangePublisher.MAX_PAYLOAD_BYTES);
            assertThat(payload).startsWith("from instance-1\n");
        });
        assertThat(payloads.stream().flatMap(p -> p.lines().skip(1)).toList()).isEqualTo(changes);
    }

    @Test
    void an_instance_skips_its_own_batches_and_applies_everyone_elses() {
        List<String> heard = new ArrayList<>();
        TeeSheetChanges recorder = new TeeSheetChanges() {
            @Override
            public void teeTimeChanged(String courseId, Instant start) {
                heard.add(courseId + "@" + start.getEpochSecond());
            }

            @Override
            public void blockChanged(String courseId, Instant start, Instant end) {
                heard.add(courseId + " block");
            }
        };
        ChangeNotifications notifications = new ChangeNotifications(recorder, "me");

        notifications.notified("from me\ntee_time pine 1800000000");
        notifications.notified("from other\ntee_time pine 1800000600\ntee_time oak 1800001200");
        notifications.notified("block pine 1800000000 1800003600");

        assertThat(heard).containsExactly("pine@1800000600", "oak@1800001200", "pine block");
    }
}
