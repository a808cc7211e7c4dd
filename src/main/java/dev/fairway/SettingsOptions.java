package dev.fairway;

import dev.fairway.config.Settings;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags every command takes; each overrides the environment variable of the same meaning. */
public final class SettingsOptions {

    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL URL: postgres://, postgresql:// or jdbc:postgresql:// (env DATABASE_URL). "
                    + "Unset: an embedded PostgreSQL. Prefer the env var: flags show in `ps`.")
    String databaseUrl;

    @Option(names = "--direct-url", paramLabel = "URL",
            description = "URL that bypasses any pooler, for migrations and LISTEN (env DIRECT_URL)")
    String directUrl;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "HTTP port (env PORT, default 8080)")
    String port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on (env FAIRWAY_HOST; default every interface, 127.0.0.1 for this machine only)")
    String host;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Bearer token for admin calls (env FAIRWAY_ADMIN_TOKEN; unset: with the embedded database one is "
                    + "made at the first start, kept in the data directory and printed by the admin-token command; "
                    + "with DATABASE_URL one is generated and printed at each start)")
    String adminToken;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded database keeps its data (env FAIRWAY_DATA_DIR, default ./fairway-data)")
    String dataDir;

    @Option(names = "--smtp-url", paramLabel = "URL",
            description = "Where email goes: smtp://[user[:password]@]host[:port] (STARTTLS when offered; "
                    + "?starttls=required to insist) or smtps://... (env FAIRWAY_SMTP_URL). Unset: no email is sent and "
                    + "golfers cannot sign in by code. 'console': emails are printed here instead (a local trial only).")
    String smtpUrl;

    @Option(names = "--mail-from", paramLabel = "ADDRESS",
            description = "The sender of every email (env FAIRWAY_MAIL_FROM, default 'Fairway <no-reply@localhost>')")
    String mailFrom;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Where golfers reach Fairway; every link in an email starts with it "
                    + "(env FAIRWAY_PUBLIC_URL, default http://localhost:<the port it listens on>)")
    String publicUrl;

    /** The environment with these flags laid over it. */
    Map<String, String> overlay(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(environment);
        put(values, "DATABASE_URL", databaseUrl);
        put(values, "DIRECT_URL", directUrl);
        put(values, "PORT", port);
        put(values, "FAIRWAY_HOST", host);
        put(values, "FAIRWAY_ADMIN_TOKEN", adminToken);
        put(values, "FAIRWAY_DATA_DIR", dataDir);
        put(values, "FAIRWAY_SMTP_URL", smtpUrl);
        put(values, "FAIRWAY_MAIL_FROM", mailFrom);
        put(values, "FAIRWAY_PUBLIC_URL", publicUrl);
        return values;
    }

    Settings settings() {
        return Settings.from(overlay(System.getenv()));
    }

    private static void put(Map<String, String> values, String name, String flag) {
        if (flag != null) {
            values.put(name, flag);
        }
    }
}
