package dev.fairway.availability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The text sent on {@value #CHANNEL}: one change per line, space-separated (course ids never
 * contain spaces or line breaks). A batch from an instance starts with a line naming it, so the
 * instance can skip what it sent itself; the database's triggers (migration V2) send one
 * change without it.
 * <pre>
 * from &lt;instance id&gt;
 * tee_time &lt;course id&gt; &lt;start, epoch seconds&gt;
 * block &lt;course id&gt; &lt;start, epoch seconds&gt; &lt;end, epoch seconds&gt;
 * course &lt;course id&gt;
 * everything
 * </pre>
 */
public final class ChangePayloads {

    public static final String CHANNEL = "fairway_changes";
    static final String FROM = "from";
    static final String EVERYTHING = "everything";

    private ChangePayloads() {
    }

    static String teeTime(String courseId, Instant start) {
        return "tee_time " + courseId + " " + start.getEpochSecond();
    }

    /** {@code changes} as payloads of at most {@code maxBytes}, each starting with the from line. */
    static List<String> batch(String origin, Collection<String> changes, int maxBytes) {
        String header = FROM + " " + origin;
        int headerBytes = bytes(header);
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(header);
        int size = headerBytes;
        for (String change : changes) {
            int line = 1 + bytes(change);
            if (size + line > maxBytes && size > headerBytes) {
                payloads.add(payload.toString());
                payload = new StringBuilder(header);
                size = headerBytes;
            }
            payload.append('\n').append(change);
            size += line;
        }
        if (size > headerBytes) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
