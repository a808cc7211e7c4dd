package dev.fairway.draw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a draw as published by {@code GET /api/courses/{id}/draws/{date}}: that its seed is the
 * one whose SHA-256 was shown before the draw, and that its results are in the order the seed gives
 * their entries. Needs nothing of Fairway's but the published JSON.
 */
public final class DrawCheck {

    private DrawCheck() {
    }

    /** What is wrong with the published draw; empty when it checks out. */
    public static List<String> problems(JsonNode draw) {
        List<String> problems = new ArrayList<>();
        if (!"done".equals(draw.path("status").asText())) {
            problems.add("the draw is not done yet (status " + draw.path("status").asText() + "): its seed is not shown");
            return problems;
        }
        String seedHex = draw.path("seed").asText();
        if (!seedHex.matches("[0-9a-f]{64}")) {
            problems.add("the seed is not 64 hex digits: " + seedHex);
            return problems;
        }
        byte[] seed = HexFormat.of().parseHex(seedHex);
        String hash = DrawOrder.sha256(seed);
        if (!hash.equals(draw.path("seedSha256").asText())) {
            problems.add("SHA-256 of the seed is " + hash + ", not the seedSha256 shown before the draw, "
                    + draw.path("seedSha256").asText());
        }
        List<String> published = new ArrayList<>();
        JsonNode results = draw.path("results");
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            published.add(result.path("entryId").asText());
            if (result.path("position").asInt() != i + 1) {
                problems.add("result " + (i + 1) + " says position " + result.path("position").asInt());
            }
        }
        List<String> recomputed = DrawOrder.of(seed, published);
        for (int i = 0; i < published.size(); i++) {
            if (!published.get(i).equals(recomputed.get(i))) {
                problems.add("position " + (i + 1) + " is entry " + published.get(i) + ", but the seed puts entry "
                        + recomputed.get(i) + " there");
            }
        }
        return problems;
    }
}
