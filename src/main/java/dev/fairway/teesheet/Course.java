package dev.fairway.teesheet;

import java.util.Objects;

/** A course: its id, its name and the rules of its tee sheet. */
public record Course(String id, String name, CourseRules rules) {

    public Course {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
    }
}
