package dev.fairway.email;

import java.util.Locale;

/** Why an email is sent; stored as its lower-case name. */
public enum EmailKind {
    CONFIRMATION, CANCELLATION, REMINDER, SIGN_IN, CHANGE, OFFER, DRAW;

    public String stored() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static EmailKind of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
