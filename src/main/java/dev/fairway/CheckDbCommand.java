package dev.fairway;

import dev.fairway.config.Settings;
import dev.fairway.db.postgres.EmbeddedDatabase;
import dev.fairway.db.check.CheckReport;
import dev.fairway.db.check.CheckReportPrinter;
import dev.fairway.db.check.ConnectionCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fairway check-db}: tests the configured database step by step and explains what is wrong. */
@Command(name = "check-db", mixinStandardHelpOptions = true,
        description = "Test the database connection step by step; exit 0 when usable, 1 when not.")
final class CheckDbCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        if (settings.embedded()) {
            System.out.println("DATABASE_URL is not set: checking the embedded PostgreSQL in " + settings.dataDir());
            try (EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDir())) {
                return report(new ConnectionCheck(embedded.url()).run());
            }
        }
        return report(new ConnectionCheck(settings.database().orElseThrow()).run());
    }

    private static int report(CheckReport report) {
        CheckReportPrinter.print(report, System.out);
        return report.usable() ? 0 : 1;
    }
}
