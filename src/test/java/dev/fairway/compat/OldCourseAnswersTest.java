package dev.fairway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.support.TestApi;
import dev.fairway.web.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A course that sets none of Part 3's fields answers as before (issue 25): every request of
 * {@link OldCourseScenario} gets the status it got from the build before the slot model, and every
 * field that answer had, with the same value; fields Part 3 added may be there too. Ids, which are
 * random, and the booking's {@code createdAt}, are compared by presence only.
 */
class OldCourseAnswersTest {

    private static final Set<String> RANDOM = Set.of("id", "bookingId", "createdAt", "asOf");

    @Test
    void every_old_field_is_as_stored_and_new_fields_are_additions() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/old-course.json")) {
            golden = Json.mapper().readTree(in);
        }
        try (TestApi api = TestApi.start(TestApi.EXAMPLE_CLOCK)) {
            Map<String, JsonNode> now = OldCourseScenario.run(api);
            List<String> differences = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> stored = golden.properties().iterator();
            while (stored.hasNext()) {
                Map.Entry<String, JsonNode> answer = stored.next();
                compare(answer.getKey(), answer.getValue(), now.get(answer.getKey()), differences);
            }
            assertThat(differences).as("old fields changed").isEmpty();
        }
    }

    /** Every field of {@code before} is in {@code after} with the same value; {@code after} may have more. */
    private static void compare(String path, JsonNode before, JsonNode after, List<String> differences) {
        if (after == null || after.isMissingNode()) {
            differences.add(path + ": missing");
        } else if (before.isObject()) {
            if (!after.isObject()) {
                differences.add(path + ": was an object, is " + after);
                return;
            }
            before.properties().forEach(field -> {
                if (RANDOM.contains(field.getKey())) {
                    if (after.get(field.getKey()) == null) {
                        differences.add(path + "." + field.getKey() + ": missing");
                    }
                } else {
                    compare(path + "." + field.getKey(), field.getValue(), after.get(field.getKey()), differences);
                }
            });
        } else if (before.isArray()) {
            if (!after.isArray() || after.size() != before.size()) {
                differences.add(path + ": " + before.size() + " elements before, now " + after);
                return;
            }
            for (int i = 0; i < before.size(); i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), differences);
            }
        } else if (!before.equals(after)) {
            differences.add(path + ": was " + before + ", is " + after);
        }
    }
}
