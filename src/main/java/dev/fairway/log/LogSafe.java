package dev.fairway.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a log line may say of a customer's data: never an email address (an SMTP server's answer
 * often quotes the recipient), never an id that is a credential (a booking's id cancels it; a
 * booking's emails carry it in theirs). An id is logged as a short reference, the first 8 hex
 * digits of its SHA-256: enough to tell lines apart and to find the row by
 * {@code left(encode(sha256(id::bytea), 'hex'), 8)}, useless to cancel anything.
 */
public final class LogSafe {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"]+@[^\\s<>()\\[\\],;:\"]+");

    private LogSafe() {
    }

    public static String reference(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@code text} with every email address in it replaced by {@code <address>}. */
    public static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("<address>");
    }
}
