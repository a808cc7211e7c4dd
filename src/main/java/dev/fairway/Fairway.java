package dev.fairway;

import dev.fairway.config.InvalidSettingException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line: {@code fairway [serve|migrate|check-db|admin-token|verify-draw]}. It parses, and hands the settings
 * to the command; {@link Wiring} puts the service together.
 */
@Command(name = "fairway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ServeCommand.class, MigrateCommand.class, CheckDbCommand.class, AdminTokenCommand.class,
                VerifyDrawCommand.class},
        description = "Tee-time availability and booking service. Without a command: serve.")
public final class Fairway implements Callable<Integer> {

    /** Exit status for a setting that cannot be used, as for a command-line usage error. */
    public static final int EXIT_INVALID_SETTING = 2;
    private static final Logger log = LoggerFactory.getLogger(Fairway.class);

    @Mixin
    SettingsOptions options;

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        System.exit(status);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Fairway())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("fairway: " + e.getMessage());
                    if (e instanceof InvalidSettingException) {
                        return EXIT_INVALID_SETTING;
                    }
                    log.debug("fairway failed", e);
                    return 1;
                });
    }

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(options.settings());
    }
}
