package dev.fairway.email;

/**
 * SMTP did not take an email.
 *
 * @see #kind()
 */
public final class DeliveryFailure extends Exception {

    /** What a failure says about trying again. */
    public enum Kind {
        /** The server refused this email or its recipient with a 5xx: trying again cannot help. */
        REFUSED_FOR_GOOD,
        /** The server refused this email for now (a 4xx): try it again later. */
        REFUSED_FOR_NOW,
        /** The server cannot be reached or will not let us in: no email can go now. */
        SERVER_UNAVAILABLE
    }

    private final Kind kind;

    public DeliveryFailure(String message, Kind kind) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
