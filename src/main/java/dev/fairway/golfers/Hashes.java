package dev.fairway.golfers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of secrets, and their comparison in constant time. */
final class Hashes {

    private Hashes() {
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whether {@code candidate}'s hash is {@code stored}, in time that does not depend on where they differ. */
    static boolean matches(byte[] stored, String candidate) {
        return MessageDigest.isEqual(stored, sha256(candidate));
    }
}
