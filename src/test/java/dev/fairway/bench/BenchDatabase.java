package dev.fairway.bench;

import dev.fairway.db.postgres.EmbeddedDatabase;
import java.nio.file.Path;

/**
 * The PostgreSQL Fairway embeds by default, started on its own for the bench scripts, so that the
 * Fairway instances measured share it and run in memory limits of their own without it: a database
 * server is sized apart from the service in front of it. Prints {@code port <n>} once it is up and
 * runs until its standard input closes.
 *
 * <p>Usage: {@code BenchDatabase <data directory>} (the passwords are kept there, as Fairway keeps them)
 */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]))) {
            System.out.println("port " + database.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the script closes our standard input
            }
        }
    }
}
