package dev.fairway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fairway.draw.DrawCheck;
import dev.fairway.web.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fairway verify-draw <url or file>}: checks a published draw's seed and order (exit 0: it checks out). */
@Command(name = "verify-draw", mixinStandardHelpOptions = true,
        description = "Check a draw published by GET /api/courses/{id}/draws/{date}: its seed's SHA-256 is the one "
                + "shown before the draw, and its results are in the order HMAC-SHA256(seed, entry id) gives.")
final class VerifyDrawCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SOURCE", description = "The draw's URL (http or https), or a file holding its JSON.")
    String source;

    @Override
    public Integer call() throws IOException, InterruptedException {
        JsonNode draw = Json.read(read(source));
        List<String> problems = DrawCheck.problems(draw);
        if (problems.isEmpty()) {
            System.out.println("The draw checks out: the seed is the one whose SHA-256 (" + draw.path("seedSha256").asText()
                    + ") was shown before the draw, and its " + draw.path("results").size()
                    + " results are in the order the seed gives their entries.");
            return 0;
        }
        problems.forEach(problem -> System.out.println("NOT FAIR: " + problem));
        return 1;
    }

    private static byte[] read(String source) throws IOException, InterruptedException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(source))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IOException(source + " answered " + answer.statusCode());
                }
                return answer.body();
            }
        }
        return Files.readAllBytes(Path.of(source));
    }
}
