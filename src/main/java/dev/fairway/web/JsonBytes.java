package dev.fairway.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for JSON written by hand, for the one answer big enough to need it
 * (availability). ASCII that needs no escaping is copied as it is; any other text goes through
 * Jackson's string encoder, so the output is as correct as Jackson's.
 */
public final class JsonBytes {

    private byte[] bytes;
    private int length;

    public JsonBytes(int expectedLength) {
        bytes = new byte[Math.max(64, expectedLength)];
    }

    /** Appends ASCII text that needs no escaping: punctuation, field names, formatted instants. */
    public JsonBytes ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    public JsonBytes raw(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    /** Appends a quoted, escaped JSON string. */
    public JsonBytes string(String text) {
        return raw(quoted(text));
    }

    public JsonBytes ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Appends a non-negative number as exactly {@code width} digits, zero-padded: 2026, 07. */
    public JsonBytes digits(int value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
        return this;
    }

    public JsonBytes number(int value) {
        if (value >= 0 && value < 10) {
            ensure(1);
            bytes[length++] = (byte) ('0' + value);
            return this;
        }
        return ascii(Integer.toString(value));
    }

    /** A quoted, escaped JSON string as UTF-8 bytes, to be appended many times with {@link #raw}. */
    public static byte[] quoted(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] quoted = new byte[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public int length() {
        return length;
    }

    /** The bytes written, without copying them. */
    public InputStream stream() {
        return new ByteArrayInputStream(bytes, 0, length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
