package dev.fairway.golfers;

import dev.fairway.db.Database;
import dev.fairway.db.Deadline;
import dev.fairway.teesheet.BookingClass;
import dev.fairway.teesheet.Course;
import dev.fairway.teesheet.CourseRules;
import java.util.List;

/** A course's members, and the booking class a caller books in. */
public final class MemberService {

    private final Database database;
    private final MemberStore members = new MemberStore();

    public MemberService(Database database) {
        this.database = database;
    }

    /** @return true when the member was added, false when replaced */
    public boolean put(Course course, Member member, Deadline deadline) {
        return database.write("members.put", deadline, session -> members.put(session, course.id(), member));
    }

    public List<Member> list(Course course, Deadline deadline) {
        return database.read("members.list", deadline, session -> members.list(session, course.id()));
    }

    /** @return false when there was no such member */
    public boolean delete(Course course, String email, Deadline deadline) {
        return database.write("members.delete", deadline, session -> members.delete(session, course.id(), email));
    }

    /**
     * The class {@code caller} books in at {@code course}: a signed-in golfer who is a member, the
     * member's class (while the course still has it); everyone else, public. Only a course with
     * member classes costs a look-up.
     */
    public BookingClass classOf(Course course, Caller caller, Deadline deadline) {
        CourseRules rules = course.rules();
        if (!caller.isGolfer() || !rules.policy().hasMemberClasses()) {
            return rules.publicClass();
        }
        return database.read("members.class", deadline,
                        session -> members.classOf(session, course.id(), caller.golfer().booker()))
                .flatMap(name -> rules.policy().bookingClass(name, rules.bookingWindowDays()))
                .orElseGet(rules::publicClass);
    }
}
