package db.migration;

import dev.fairway.email.Mailbox;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An email address is one mailbox ({@link Mailbox}): the rows written before it was so are brought
 * to its form, with the same parser the service now uses, in one transaction.
 * <ul>
 *   <li>Golfers whose emails name the same mailbox ({@code "2" <me@x.com>}, {@code me@x.com (3)},
 *   {@code ME@x.com}) become one: the first made keeps its id and takes the others' bookings and
 *   tokens. A golfer whose email names no single mailbox (a group of them) can no longer sign in;
 *   its email becomes {@code unusable-<id>@fairway.invalid}, a reserved domain nothing is sent to.</li>
 *   <li>Members are kept under their mailbox's key; of two that become one, the later stays.
 *   Members naming no single mailbox are dropped.</li>
 *   <li>A booking's email that was not a plain mailbox is taken away (no more email goes to what
 *   such a field named); its booker becomes the mailbox it names when there is one.</li>
 *   <li>Sign-in codes of anything but a mailbox are deleted; pending emails to anything but a
 *   mailbox are called off.</li>
 * </ul>
 * Rows already in the plain form need only their domain lower-cased, which SQL does in place; Java
 * looks only at the rest.
 */
public class V6__One_mailbox_one_golfer extends BaseJavaMigration {

    /** A plain ASCII mailbox: the form almost every row has; the rest go through {@link Mailbox}. */
    private static final String PLAIN = "'^[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$'";
    private static final String ADDRESS_OF = "split_part(%1$s, '@', 1) || '@' || lower(split_part(%1$s, '@', 2))";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        golfers(db);
        members(db);
        bookings(db);
        signInCodes(db);
        outbox(db);
    }

    private static void golfers(Connection db) throws SQLException {
        record Row(String id, String email, String name) {
        }
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        List<String> unusable = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select id, email, name from golfer order by created_at, id")) {
            while (rows.next()) {
                Row row = new Row(rows.getString(1), rows.getString(2), rows.getString(3));
                Optional<Mailbox> mailbox = named(row.email());
                if (mailbox.isEmpty()) {
                    unusable.add(row.id());
                } else {
                    byKey.computeIfAbsent(mailbox.get().key(), k -> new ArrayList<>()).add(row);
                }
            }
        }
        // The unique index is on lower(email): make room first, then write each kept golfer's form.
        try (PreparedStatement park = db.prepareStatement("update golfer set email = 'unusable-' || id || '@fairway.invalid' where id = ?")) {
            for (String id : unusable) {
                park.setString(1, id);
                park.addBatch();
            }
            for (List<Row> same : byKey.values()) {
                for (Row row : same) {
                    park.setString(1, row.id());
                    park.addBatch();
                }
            }
            park.executeBatch();
        }
        try (PreparedStatement bookings = db.prepareStatement("update booking set golfer_id = ? where golfer_id = ?");
             PreparedStatement tokens = db.prepareStatement("update golfer_token set golfer_id = ? where golfer_id = ?");
             PreparedStatement drop = db.prepareStatement("delete from golfer where id = ?");
             PreparedStatement keep = db.prepareStatement("update golfer set email = ?, name = ? where id = ?")) {
            for (List<Row> same : byKey.values()) {
                Row kept = same.getFirst();
                String name = kept.name();
                for (Row other : same.subList(1, same.size())) {
                    for (PreparedStatement move : List.of(bookings, tokens)) {
                        move.setString(1, kept.id());
                        move.setString(2, other.id());
                        move.executeUpdate();
                    }
                    drop.setString(1, other.id());
                    drop.executeUpdate();
                    name = name != null ? name : other.name();
                }
                keep.setString(1, named(kept.email()).orElseThrow().address());
                keep.setString(2, name);
                keep.setString(3, kept.id());
                keep.executeUpdate();
            }
        }
    }

    private static void members(Connection db) throws SQLException {
        record Row(String courseId, String email) {
        }
        Map<String, Row> keptByKey = new LinkedHashMap<>();
        List<Row> dropped = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select course_id, email from member order by updated_at desc, created_at desc")) {
            while (rows.next()) {
                Row row = new Row(rows.getString(1), rows.getString(2));
                Optional<Mailbox> mailbox = named(row.email());
                if (mailbox.isEmpty() || keptByKey.putIfAbsent(row.courseId() + " " + mailbox.get().key(), row) != null) {
                    dropped.add(row);
                }
            }
        }
        try (PreparedStatement drop = db.prepareStatement("delete from member where course_id = ? and email = ?")) {
            for (Row row : dropped) {
                drop.setString(1, row.courseId());
                drop.setString(2, row.email());
                drop.executeUpdate();
            }
        }
        try (PreparedStatement rekey = db.prepareStatement("update member set email = ? where course_id = ? and email = ?")) {
            for (Map.Entry<String, Row> kept : keptByKey.entrySet()) {
                String key = kept.getKey().substring(kept.getKey().indexOf(' ') + 1);
                if (!key.equals(kept.getValue().email())) {
                    rekey.setString(1, key);
                    rekey.setString(2, kept.getValue().courseId());
                    rekey.setString(3, kept.getValue().email());
                    rekey.executeUpdate();
                }
            }
        }
    }

    private static void bookings(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("update booking set email = " + ADDRESS_OF.formatted("email")
                    + " where email ~ " + PLAIN + " and email <> " + ADDRESS_OF.formatted("email"));
            statement.executeUpdate("""
                    update booking b set booker = lower(g.email) from golfer g
                    where b.golfer_id = g.id and b.booker is distinct from lower(g.email)""");
            statement.executeUpdate("update booking set booker = lower(email) where golfer_id is null and email is not null"
                    + " and email ~ " + PLAIN + " and booker is distinct from lower(email)");
        }
        record Row(String id, String email) {
        }
        List<Row> odd = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select id, email from booking where email is not null and email !~ " + PLAIN)) {
            while (rows.next()) {
                odd.add(new Row(rows.getString(1), rows.getString(2)));
            }
        }
        try (PreparedStatement update = db.prepareStatement(
                "update booking set email = ?, booker = case when golfer_id is null then coalesce(?, booker) else booker end where id = ?")) {
            for (Row row : odd) {
                Optional<Mailbox> plain = Mailbox.parse(row.email());
                Optional<Mailbox> named = named(row.email());
                update.setString(1, plain.map(Mailbox::address).orElse(null));
                update.setString(2, named.map(Mailbox::key).orElse(null));
                update.setString(3, row.id());
                update.executeUpdate();
            }
        }
    }

    private static void signInCodes(Connection db) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select distinct email from sign_in_code where email !~ " + PLAIN)) {
            while (rows.next()) {
                emails.add(rows.getString(1));
            }
        }
        try (PreparedStatement rekey = db.prepareStatement("update sign_in_code set email = ? where email = ?");
             PreparedStatement drop = db.prepareStatement("delete from sign_in_code where email = ?")) {
            for (String email : emails) {
                Optional<Mailbox> plain = Mailbox.parse(email);
                PreparedStatement statement = plain.isPresent() ? rekey : drop;
                int i = 1;
                if (plain.isPresent()) {
                    statement.setString(i++, plain.get().key());
                }
                statement.setString(i, email);
                statement.executeUpdate();
            }
        }
    }

    private static void outbox(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("update email set recipient = " + ADDRESS_OF.formatted("recipient")
                    + " where recipient ~ " + PLAIN + " and recipient <> " + ADDRESS_OF.formatted("recipient"));
        }
        List<String> odd = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select id, recipient from email where recipient !~ " + PLAIN)) {
            while (rows.next()) {
                if (Mailbox.parse(rows.getString(2)).isEmpty()) {
                    odd.add(rows.getString(1));
                }
            }
        }
        try (PreparedStatement callOff = db.prepareStatement(
                "update email set status = 'cancelled', recipient = 'unusable-' || id || '@fairway.invalid' where id = ? and status = 'pending'");
             PreparedStatement park = db.prepareStatement(
                     "update email set recipient = 'unusable-' || id || '@fairway.invalid' where id = ?")) {
            for (String id : odd) {
                callOff.setString(1, id);
                if (callOff.executeUpdate() == 0) {
                    park.setString(1, id);
                    park.executeUpdate();
                }
            }
        }
    }

    /**
     * The one mailbox {@code text} names: itself when it is one, else the single address of a
     * display-name or comment form ({@code "Ann" <ann@x.com>}, {@code ann@x.com (Ann)}); empty
     * for a group, a list or anything unparseable.
     */
    static Optional<Mailbox> named(String text) {
        Optional<Mailbox> plain = Mailbox.parse(text.strip());
        if (plain.isPresent()) {
            return plain;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(text, false);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                return Optional.empty();
            }
            return Mailbox.parse(parsed[0].getAddress());
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
