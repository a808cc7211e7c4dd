package dev.fairway.db;

import dev.fairway.db.postgres.Migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.Db;
import dev.fairway.support.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for missing indexes on foreign keys (slow queries that time out under a pooler
 * looked like "Can't reach database server" in the app that started this project): every foreign key must be
 * the leading columns of some index, or deleting and joining through it scans the whole table.
 */
class ForeignKeyIndexTest {

    /** Foreign keys whose columns are not the leading columns of any index on their table. */
    static final String UNINDEXED_FOREIGN_KEYS = """
            select c.conrelid::regclass::text as "table", c.conname as "constraint"
            from pg_constraint c
            join pg_namespace n on n.oid = c.connamespace
            where c.contype = 'f'
              and n.nspname = any (current_schemas(false))
              and not exists (
                select 1 from pg_index i
                where i.indrelid = c.conrelid
                  and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                  and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            order by 1, 2
            """;

    static Db db;

    @BeforeAll
    static void migrate() {
        DatabaseUrl url = TestPostgres.newDatabase();
        new Migrations(url).migrate();
        db = new Db(url);
    }

    @Test
    void every_foreign_key_has_an_index() {
        List<Map<String, Object>> unindexed = db.rows(UNINDEXED_FOREIGN_KEYS);

        assertThat(unindexed).as("foreign keys without an index").isEmpty();
        assertThat(db.count("select count(*) from pg_constraint where contype = 'f'"))
                .as("the schema has foreign keys to check").isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_catalog_query_finds_an_unindexed_foreign_key() {
        db.execute("create table probe_parent (id int primary key)");
        db.execute("create table probe_child (id int primary key, parent_id int references probe_parent (id))");
        try {
            assertThat(db.rows(UNINDEXED_FOREIGN_KEYS)).extracting(row -> row.get("table")).containsExactly("probe_child");

            db.execute("create index on probe_child (parent_id)");
            assertThat(db.rows(UNINDEXED_FOREIGN_KEYS)).isEmpty();
        } finally {
            db.execute("drop table probe_child");
            db.execute("drop table probe_parent");
        }
    }
}
