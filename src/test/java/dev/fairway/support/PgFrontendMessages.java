package dev.fairway.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes a PostgreSQL client sends into protocol messages, across reads of any size.
 * The first messages of a connection (SSLRequest, GSSENCRequest, StartupMessage) carry no type
 * byte; every later one is a type byte and a length.
 */
final class PgFrontendMessages {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    /**
     * One message from the client.
     *
     * @param type    the type byte ('Q' query, 'P' parse, 'E' execute, 'S' sync...); 0 for startup
     * @param payload the bytes after the length
     */
    record Message(char type, byte[] payload) {

        /** The prepared statement a Parse message names, or a Bind message uses ("" is the unnamed one). */
        String statementName() {
            return switch (type) {
                case 'P' -> new String(payload, 0, Math.max(0, indexOfZero(payload, 0)), StandardCharsets.UTF_8);
                case 'B' -> {
                    int portalEnd = indexOfZero(payload, 0);
                    int nameEnd = indexOfZero(payload, portalEnd + 1);
                    yield new String(payload, portalEnd + 1, Math.max(0, nameEnd - portalEnd - 1), StandardCharsets.UTF_8);
                }
                default -> "";
            };
        }

        /** The SQL text of a Query or Parse message, else empty. */
        String sql() {
            int start = switch (type) {
                case 'Q' -> 0;
                case 'P' -> indexOfZero(payload, 0) + 1; // after the statement name
                default -> -1;
            };
            if (start < 0) {
                return "";
            }
            int end = indexOfZero(payload, start);
            return new String(payload, start, (end < 0 ? payload.length : end) - start, StandardCharsets.UTF_8);
        }

        private static int indexOfZero(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean startupDone;

    /** Feeds bytes; returns the messages they completed. */
    List<Message> feed(byte[] bytes, int length) {
        pending.write(bytes, 0, length);
        List<Message> messages = new ArrayList<>();
        while (true) {
            byte[] buffer = pending.toByteArray();
            int headerLength = startupDone ? 5 : 4;
            if (buffer.length < headerLength) {
                break;
            }
            ByteBuffer view = ByteBuffer.wrap(buffer);
            char type = startupDone ? (char) view.get() : 0;
            int messageLength = view.getInt();
            int total = (startupDone ? 1 : 0) + messageLength;
            if (buffer.length < total) {
                break;
            }
            byte[] payload = new byte[messageLength - 4];
            System.arraycopy(buffer, headerLength, payload, 0, payload.length);
            if (!startupDone) {
                int code = payload.length >= 4 ? ByteBuffer.wrap(payload).getInt() : 0;
                // After an SSL or GSS request the real startup message still follows.
                startupDone = code != SSL_REQUEST && code != GSSENC_REQUEST;
            }
            messages.add(new Message(type, payload));
            pending.reset();
            pending.write(buffer, total, buffer.length - total);
        }
        return messages;
    }
}
