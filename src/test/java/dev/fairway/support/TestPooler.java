package dev.fairway.support;

import dev.fairway.config.DatabaseUrl;

/**
 * Routes the service's database URL through a real PgBouncer in transaction mode when the build
 * runs its PgBouncer pass ({@code -Dfairway.test.pooler=pgbouncer}): the same tests, through the
 * pooler hosted users put in front of PostgreSQL.
 */
public final class TestPooler {

    public static final String PROPERTY = "fairway.test.pooler";
    private static volatile PgBouncer shared;

    private TestPooler() {
    }

    public static boolean active() {
        return "pgbouncer".equals(System.getProperty(PROPERTY));
    }

    /** {@code url} itself, or, in the PgBouncer pass and when it points at the test PostgreSQL, the same database through PgBouncer. */
    public static DatabaseUrl route(DatabaseUrl url) {
        if (!active() || url.primaryHost().port() != TestPostgres.port()) {
            return url;
        }
        return DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + bouncer().port() + "/" + url.database()
                + "?sslmode=disable&pgbouncer=true");
    }

    /** What the shared PgBouncer has logged so far (its logins name each database). */
    public static String log() {
        return bouncer().log();
    }

    private static synchronized PgBouncer bouncer() {
        if (shared == null) {
            shared = PgBouncer.start("transaction", 40);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}
