package dev.fairway;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.config.Settings;
import dev.fairway.db.postgres.EmbeddedDatabase;
import dev.fairway.db.postgres.Migrations;
import dev.fairway.db.SqlFailures;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fairway migrate}: applies pending migrations once and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations (through DIRECT_URL when set) and exit.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        EmbeddedDatabase embedded = settings.embedded() ? EmbeddedDatabase.start(settings.dataDir()) : null;
        try {
            DatabaseUrl url = embedded != null ? embedded.url() : settings.migrationUrl().orElseThrow();
            Migrations migrations = new Migrations(url);
            int applied = migrations.migrate();
            Migrations.MigrationState state = migrations.state();
            System.out.println("Applied " + applied + " migration(s); the schema is at version " + state.current()
                    + " (" + url.redacted() + ")");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("fairway migrate: the migrations did not run: " + SqlFailures.describe(e));
            System.err.println("Run `fairway check-db` to see why the database cannot be used.");
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
