package dev.fairway.teesheet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Part 2's rules of who books what: whether a golfer must sign in, the booking classes, and the
 * least players per tee time. {@link #NONE} is a course that uses none of them.
 *
 * @param signInRequired whether a booking needs a golfer's token
 * @param classes        the classes as the course lists them (maybe without {@value BookingClass#PUBLIC})
 * @param minPlayers     the rules, the first that applies wins
 * @param noShows        when no-shows suspend a booker (Part 3), or empty
 * @param holdMinutes    how long a hold lasts ({@code holdMinutes}), or empty for the default
 * @param offerMinutes   how long a waitlist offer's hold lasts ({@code waitlistOfferMinutes}), or empty for the default
 */
public record BookingPolicy(boolean signInRequired, List<BookingClass> classes, List<MinPlayersRule> minPlayers,
                            Optional<NoShowPolicy> noShows, OptionalInt holdMinutes, OptionalInt offerMinutes) {

    public static final int DEFAULT_HOLD_MINUTES = 10;
    public static final int DEFAULT_OFFER_MINUTES = 15;

    public static final BookingPolicy NONE = new BookingPolicy(false, List.of(), List.of());

    public BookingPolicy {
        classes = List.copyOf(classes);
        minPlayers = List.copyOf(minPlayers);
        Objects.requireNonNull(noShows, "noShows");
        Objects.requireNonNull(holdMinutes, "holdMinutes");
        Objects.requireNonNull(offerMinutes, "offerMinutes");
    }

    /** A policy of Part 3's first issues: holds and offers last their defaults. */
    public BookingPolicy(boolean signInRequired, List<BookingClass> classes, List<MinPlayersRule> minPlayers,
                         Optional<NoShowPolicy> noShows) {
        this(signInRequired, classes, minPlayers, noShows, OptionalInt.empty(), OptionalInt.empty());
    }

    /** How long a golfer's hold lasts. */
    public Duration holdFor() {
        return Duration.ofMinutes(holdMinutes.orElse(DEFAULT_HOLD_MINUTES));
    }

    /** How long a waitlist offer's hold lasts. */
    public Duration offerFor() {
        return Duration.ofMinutes(offerMinutes.orElse(DEFAULT_OFFER_MINUTES));
    }

    /** A policy without a no-show policy. */
    public BookingPolicy(boolean signInRequired, List<BookingClass> classes, List<MinPlayersRule> minPlayers) {
        this(signInRequired, classes, minPlayers, Optional.empty());
    }

    /** The class named {@code name}, counting the implicit public one. */
    public Optional<BookingClass> bookingClass(String name, int courseWindowDays) {
        for (BookingClass c : classes) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return name.equals(BookingClass.PUBLIC) ? Optional.of(BookingClass.defaultPublic(courseWindowDays))
                : Optional.empty();
    }

    /** Whether some class other than public exists: only then can a golfer's class be other than public. */
    public boolean hasMemberClasses() {
        return classes.stream().anyMatch(c -> !c.name().equals(BookingClass.PUBLIC));
    }

    public boolean isNone() {
        return equals(NONE);
    }

    static BookingPolicy orNone(BookingPolicy policy) {
        return Objects.requireNonNullElse(policy, NONE);
    }
}
