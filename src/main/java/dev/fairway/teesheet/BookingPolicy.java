package dev.fairway.teesheet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Part 2's rules of who books what: whether a golfer must sign in, the booking classes, and the
 * least players per tee time. {@link #NONE} is a course that uses none of them.
 *
 * @param signInRequired whether a booking needs a golfer's token
 * @param classes        the classes as the course lists them (maybe without {@value BookingClass#PUBLIC})
 * @param minPlayers     the rules, the first that applies wins
 * @param noShows        when no-shows suspend a booker (Part 3), or empty
 */
public record BookingPolicy(boolean signInRequired, List<BookingClass> classes, List<MinPlayersRule> minPlayers,
                            Optional<NoShowPolicy> noShows) {

    public static final BookingPolicy NONE = new BookingPolicy(false, List.of(), List.of());

    public BookingPolicy {
        classes = List.copyOf(classes);
        minPlayers = List.copyOf(minPlayers);
        Objects.requireNonNull(noShows, "noShows");
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
