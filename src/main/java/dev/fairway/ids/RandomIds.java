package dev.fairway.ids;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable, URL-safe ids: 144 random bits as 24 base64url characters. */
public final class RandomIds {

    private static final int BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RandomIds() {
    }

    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether {@code text} could be an id this class made (or any URL-safe id of 16 to 64 characters). */
    public static boolean plausible(String text) {
        return text != null && text.matches("[A-Za-z0-9_-]{16,64}");
    }
}
