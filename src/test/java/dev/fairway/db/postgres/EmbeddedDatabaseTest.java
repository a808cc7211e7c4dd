package dev.fairway.db.postgres;

import dev.fairway.db.postgres.EmbeddedDatabase;
import dev.fairway.db.postgres.Migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairway.support.Db;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void keeps_its_data_across_a_restart() {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            new Migrations(first.url()).migrate();
            new Db(first.url()).execute("insert into course (id, name, time_zone, tee_time_interval_minutes, "
                    + "max_players_per_tee_time, weekly_hours) values ('kept', 'Kept', 'UTC', 10, 4, '{}')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
            assertThat(new Db(second.url()).rows("select name from course where id = 'kept'"))
                    .extracting(row -> row.get("name")).containsExactly("Kept");
            assertThat(new Migrations(second.url()).migrate()).as("migrations applied again").isZero();
        }
    }

    @Test
    void lets_nobody_in_without_a_password_and_serves_fairway_as_a_role_that_is_no_superuser() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Path hba = database.dataDirectory().resolve("pg_hba.conf");
            assertThat(java.nio.file.Files.readString(hba)).doesNotContain("trust").contains("scram-sha-256");
            Path credentials = dataDir.resolve("credentials.properties");
            assertThat(java.nio.file.Files.getPosixFilePermissions(credentials))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            for (String user : new String[] {"postgres", "fairway"}) {
                java.util.Properties noPassword = new java.util.Properties();
                noPassword.setProperty("user", user);
                assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + database.port() + "/fairway", noPassword).close())
                        .as(user + " without a password").isInstanceOf(java.sql.SQLException.class)
                        .hasMessageContaining("password");
            }
            Db service = new Db(database.url());
            assertThat(database.url().user()).isEqualTo("fairway");
            assertThat(service.rows("select rolsuper from pg_roles where rolname = current_user").getFirst().get("rolsuper"))
                    .isEqualTo(false);
            assertThatThrownBy(() -> service.execute("copy (select 1) to program 'true'"))
                    .hasMessageContaining("permission denied");
            new Migrations(database.url()).migrate();
            assertThat(service.count("select count(*) from course")).isZero();
        }
    }

    @Test
    void a_data_directory_an_older_fairway_left_trusting_everyone_gets_passwords_and_keeps_its_data() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            new Migrations(first.url()).migrate();
            new Db(first.url()).execute("insert into course (id, name, time_zone, tee_time_interval_minutes, "
                    + "max_players_per_tee_time, weekly_hours) values ('old', 'Old', 'UTC', 10, 4, '{}')");
            Db superuser = new Db(first.superuserUrl("fairway"));
            superuser.execute("reassign owned by fairway to postgres"); // as an older Fairway left it
        }
        // What an older Fairway left: no passwords kept, everyone trusted.
        java.nio.file.Files.delete(dataDir.resolve("credentials.properties"));
        java.nio.file.Files.writeString(dataDir.resolve("postgres").resolve("pg_hba.conf"),
                "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");

        try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(dataDir)) {
            assertThat(java.nio.file.Files.readString(upgraded.dataDirectory().resolve("pg_hba.conf"))).doesNotContain("trust");
            Db service = new Db(upgraded.url());
            assertThat(service.rows("select name from course where id = 'old'")).hasSize(1);
            assertThat(new Migrations(upgraded.url()).migrate()).as("migrations applied again").isZero();
            service.execute("update course set name = 'Still mine' where id = 'old'");
        }
    }

    @Test
    void refuses_a_data_directory_another_running_instance_uses() {
        try (EmbeddedDatabase running = EmbeddedDatabase.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .hasMessageContaining("another running Fairway uses the data directory");
            assertThat(new Db(running.url()).count("select 1")).isEqualTo(1);
        }
    }
}
