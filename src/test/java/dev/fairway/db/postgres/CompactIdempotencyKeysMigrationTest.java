package dev.fairway.db.postgres;

import dev.fairway.db.postgres.Migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V3 keeps the keys stored before it: a replay within the day after an upgrade still finds its answer. */
class CompactIdempotencyKeysMigrationTest {

    @Test
    void keys_stored_as_text_are_found_by_their_hash_after_the_migration() {
        DatabaseUrl url = TestPostgres.newDatabase();
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), "").locations("classpath:db/migration").target("2")
                .load().migrate();
        Db db = new Db(url);
        db.execute("insert into idempotency_key (key, fingerprint, response_status, response_body) "
                + "values ('a key from before', repeat('ab', 32), 409, '{\"status\":409}')");

        new Migrations(url).migrate();

        assertThat(db.rows("select encode(fingerprint, 'hex') as f, response_status as s, response_body as b "
                + "from idempotency_key where key_hash = sha256(convert_to('a key from before', 'UTF8'))"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("f")).isEqualTo("ab".repeat(32));
                    assertThat(((Number) row.get("s")).intValue()).isEqualTo(409);
                    assertThat(row.get("b")).isEqualTo("{\"status\":409}");
                });
    }
}
