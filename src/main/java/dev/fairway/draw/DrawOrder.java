package dev.fairway.draw;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The order of a draw, as the contract defines it and anyone can recompute it: entries ascending by
 * the hex of HMAC-SHA256(key = the seed's 32 bytes, message = the entry's id in UTF-8). Speed of a
 * client plays no part: the seed is fixed before the entries are known to anyone but their makers,
 * and shown (as its SHA-256) before the draw.
 */
public final class DrawOrder {

    private DrawOrder() {
    }

    /** The entry's rank: lower draws first. */
    public static String rank(byte[] seed, String entryId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(entryId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }

    /** The entry ids in the draw's order. */
    public static List<String> of(byte[] seed, List<String> entryIds) {
        return entryIds.stream().map(id -> new Ranked(rank(seed, id), id))
                .sorted(Comparator.comparing(Ranked::rank).thenComparing(Ranked::id)).map(Ranked::id).toList();
    }

    private record Ranked(String rank, String id) {
    }

    /** The SHA-256 of the seed, in hex: what is shown before the draw. */
    public static String sha256(byte[] seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
