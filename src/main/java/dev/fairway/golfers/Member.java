package dev.fairway.golfers;

/**
 * A member of a course: golfers signed in with this email book in its class.
 *
 * @param email        lower-cased
 * @param bookingClass a class of the course other than public
 * @param name         the member's name, or null
 */
public record Member(String email, String bookingClass, String name) {
}
