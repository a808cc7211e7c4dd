package dev.fairway.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.support.TestApi;
import dev.fairway.web.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Stores {@link OldCourseScenario}'s answers as the build before Part 3 gave them, in
 * {@code src/test/resources/golden/old-course.json}: run once, on the last commit before issue 25's
 * slot model (the file's commit says so), it is the reference every later build is compared with.
 */
public final class GoldenAnswers {

    private GoldenAnswers() {
    }

    public static void main(String[] args) throws Exception {
        try (TestApi api = TestApi.start(TestApi.EXAMPLE_CLOCK)) {
            Map<String, JsonNode> answers = OldCourseScenario.run(api);
            ObjectNode file = JsonNodeFactory.instance.objectNode();
            answers.forEach(file::set);
            Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/golden/old-course.json");
            Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n");
            System.out.println("wrote " + answers.size() + " answers to " + out);
        }
        System.exit(0);
    }
}
