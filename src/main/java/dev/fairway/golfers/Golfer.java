package dev.fairway.golfers;

import java.util.Locale;
import java.util.Objects;

/**
 * A golfer who signed in by emailed code.
 *
 * @param id    unguessable, made at the first sign-in
 * @param email as first given
 * @param name  the name bookings are made under, or null until the golfer gives one
 */
public record Golfer(String id, String email, String name) {

    public Golfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
    }

    /** The email as it is compared: lower-cased. */
    public String booker() {
        return email.toLowerCase(Locale.ROOT);
    }

    /** The name to book under when the golfer gives none: the golfer's, else the email. */
    public String bookingName() {
        if (name != null) {
            return name;
        }
        return email.length() <= 100 ? email : email.substring(0, 100);
    }
}
