package dev.fairway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fairway.draw.DrawOrder;
import dev.fairway.ids.RandomIds;
import dev.fairway.web.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairway verify-draw FILE} on a draw as the API publishes it: one whose seed and order
 * agree checks out (exit 0); a swapped result, or a seed that is not the one whose hash was shown,
 * does not (exit 1, saying what is wrong). DrawApiTest checks a real draw's JSON the same way.
 */
class VerifyDrawCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_published_draw_checks_out_and_a_tampered_one_does_not() throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(RandomIds.next());
        }
        ObjectNode draw = published(seed, DrawOrder.sha256(seed), DrawOrder.of(seed, ids));

        assertThat(verify(draw)).startsWith("0 The draw checks out");

        List<String> swapped = new ArrayList<>(DrawOrder.of(seed, ids));
        java.util.Collections.swap(swapped, 3, 4);
        assertThat(verify(published(seed, DrawOrder.sha256(seed), swapped))).startsWith("1 NOT FAIR: position 4 is entry");
        byte[] other = seed.clone();
        other[0] ^= 1;
        assertThat(verify(published(other, DrawOrder.sha256(seed), DrawOrder.of(other, ids))))
                .startsWith("1 NOT FAIR: SHA-256 of the seed is");
    }

    private static ObjectNode published(byte[] seed, String shownHash, List<String> order) {
        ObjectNode draw = Json.mapper().createObjectNode().put("date", "2026-12-12").put("bookingClass", "public")
                .put("seedSha256", shownHash).put("status", "done").put("entries", order.size())
                .put("seed", HexFormat.of().formatHex(seed));
        ArrayNode results = draw.putArray("results");
        for (int i = 0; i < order.size(); i++) {
            results.addObject().put("entryId", order.get(i)).put("position", i + 1).put("outcome", i < 5 ? "won" : "lost");
        }
        return draw;
    }

    /** The command's exit status and what it printed. */
    private String verify(ObjectNode draw) throws Exception {
        Path file = Files.createTempFile(dir, "draw", ".json");
        Files.writeString(file, draw.toString());
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int status = Fairway.commandLine().execute("verify-draw", file.toString());
            return status + " " + printed.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
        }
    }
}
