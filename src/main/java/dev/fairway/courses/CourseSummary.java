package dev.fairway.courses;

/** A course as the public list shows it. */
public record CourseSummary(String id, String name, String timeZone) {
}
