package dev.fairway;

import dev.fairway.config.AdminTokenFile;
import dev.fairway.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fairway serve}: migrates the schema and serves the API until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the API (the default command).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() throws Exception {
        return serve(options.settings());
    }

    static int serve(Settings given) throws InterruptedException {
        Settings settings = given;
        boolean keptNow = false;
        if (given.adminTokenGenerated() && given.embedded()) {
            // The embedded default keeps one token for good, beside its database's passwords.
            keptNow = AdminTokenFile.keep(given.dataDir(), given.adminToken());
            settings = given.withAdminToken(AdminTokenFile.read(given.dataDir()).orElseThrow());
        }
        Service service = Wiring.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
        // To the console only, never the log: a token must be seen to be used.
        if (keptNow) {
            System.out.println("Admin token (made at this first start and kept in " + AdminTokenFile.in(settings.dataDir())
                    + "; 'java -jar fairway.jar admin-token' prints it again): " + settings.adminToken().reveal());
        } else if (given.adminTokenGenerated() && given.embedded()) {
            System.out.println("Admin token: kept in " + AdminTokenFile.in(settings.dataDir())
                    + " ('java -jar fairway.jar admin-token' prints it)");
        } else if (given.adminTokenGenerated()) {
            System.out.println("Admin token (generated for this run; set FAIRWAY_ADMIN_TOKEN to keep one): "
                    + settings.adminToken().reveal());
        }
        service.awaitStop();
        return 0;
    }
}
