package dev.fairway;

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

    static int serve(Settings settings) throws InterruptedException {
        Service service = Wiring.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
        if (settings.adminTokenGenerated()) {
            // Printed once, to the console only: a generated token must be seen to be used.
            System.out.println("Admin token (generated for this run; set FAIRWAY_ADMIN_TOKEN to choose one): "
                    + settings.adminToken().reveal());
        }
        service.awaitStop();
        return 0;
    }
}
