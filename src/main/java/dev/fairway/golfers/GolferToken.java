package dev.fairway.golfers;

import dev.fairway.ids.RandomIds;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A golfer's token, {@code <id>.<secret>}, each part 144 random bits: the id finds the stored row,
 * the secret is stored only as its SHA-256 and compared in constant time.
 */
record GolferToken(String id, String secret) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}\\.[A-Za-z0-9_-]{16,64}");

    static GolferToken next() {
        return new GolferToken(RandomIds.next(), RandomIds.next());
    }

    static Optional<GolferToken> parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        return Optional.of(new GolferToken(text.substring(0, dot), text.substring(dot + 1)));
    }

    String text() {
        return id + "." + secret;
    }

    byte[] secretHash() {
        return Hashes.sha256(secret);
    }
}
