package dev.fairway;

import dev.fairway.config.AdminTokenFile;
import dev.fairway.config.Secret;
import dev.fairway.config.Settings;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fairway admin-token}: prints the admin token the embedded default keeps. */
@Command(name = "admin-token", mixinStandardHelpOptions = true,
        description = "Print the admin token kept in the data directory (the embedded default makes it at its first start).")
final class AdminTokenCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        if (!settings.adminTokenGenerated()) {
            System.out.println("FAIRWAY_ADMIN_TOKEN (or --admin-token) is set: that is the admin token.");
            return 0;
        }
        Optional<Secret> kept = AdminTokenFile.read(settings.dataDir());
        if (kept.isEmpty()) {
            System.err.println("No admin token is kept in " + settings.dataDir() + ": start Fairway once with the "
                    + "embedded database (no DATABASE_URL) and it makes one, or set FAIRWAY_ADMIN_TOKEN.");
            return 1;
        }
        System.out.println(kept.get().reveal());
        return 0;
    }
}
