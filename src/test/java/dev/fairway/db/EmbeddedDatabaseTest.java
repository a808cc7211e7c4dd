package dev.fairway.db;

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
    void refuses_a_data_directory_another_running_instance_uses() {
        try (EmbeddedDatabase running = EmbeddedDatabase.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .hasMessageContaining("another running Fairway uses the data directory");
            assertThat(new Db(running.url()).count("select 1")).isEqualTo(1);
        }
    }
}
