package dev.fairway.cli;

import static dev.fairway.support.FairwayProcess.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.config.DatabaseUrl;
import dev.fairway.support.FairwayProcess;
import dev.fairway.support.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built jar's commands, run as processes. */
class CommandLineIT {

    @Test
    void prints_its_version_and_help() {
        try (FairwayProcess version = FairwayProcess.start(Map.of(), "--version")) {
            assertThat(version.waitFor(seconds(30))).isZero();
            assertThat(version.output()).startsWith("fairway ");
        }
        try (FairwayProcess help = FairwayProcess.start(Map.of(), "--help")) {
            assertThat(help.waitFor(seconds(30))).isZero();
            assertThat(help.output()).contains("serve", "migrate", "check-db", "admin-token", "--database-url",
                    "--smtp-url", "--mail-from", "--public-url");
        }
    }

    /**
     * The README's run command under a Java older than 21 died with "UnsupportedClassVersionError
     * ... class file version 65.0" (issue 24): the jar now says in one line what it needs and how.
     */
    @Test
    void a_java_older_than_21_is_told_in_one_line_which_java_fairway_needs() throws Exception {
        java.util.Optional<java.nio.file.Path> old;
        try (var jdks = java.nio.file.Files.list(java.nio.file.Path.of("/usr/lib/jvm"))) {
            old = jdks.map(jdk -> jdk.resolve("bin/java")).filter(java.nio.file.Files::isExecutable)
                    .filter(java -> java.toString().contains("-17-") || java.toString().contains("-11-")).findFirst();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(old.isPresent(),
                "SKIPPED LOUDLY: no JDK older than 21 under /usr/lib/jvm to run the jar with");
        try (FairwayProcess fairway = FairwayProcess.startWith(old.get().toString(), Map.of(), "--version")) {
            assertThat(fairway.waitFor(seconds(30))).isEqualTo(1);
            assertThat(fairway.output().strip().lines()).singleElement().asString()
                    .startsWith("Fairway needs Java 21 or newer, and this is Java ").contains("JAVA_HOME=", "java -jar");
        }
    }

    @Test
    void exits_with_status_2_naming_what_is_wrong_with_a_malformed_url_and_never_its_password() {
        try (FairwayProcess fairway = FairwayProcess.start(
                Map.of("DATABASE_URL", "postgres://app:hunter2@db.example.com:54x2/fairway"), "serve")) {
            assertThat(fairway.waitFor(seconds(30))).isEqualTo(2);
            assertThat(fairway.output()).contains("DATABASE_URL has a port that is not a number")
                    .doesNotContain("hunter2");
        }
    }

    @Test
    void flags_override_the_environment() {
        try (FairwayProcess fairway = FairwayProcess.start(Map.of("DATABASE_URL", "postgres://u@h/db"),
                "check-db", "--database-url", "mysql://u:hunter2@h/db")) {
            assertThat(fairway.waitFor(seconds(30))).isEqualTo(2);
            assertThat(fairway.output()).contains("DATABASE_URL has the scheme 'mysql'").doesNotContain("hunter2");
        }
    }

    @Test
    void check_db_exits_0_for_a_usable_database_and_1_for_a_closed_port() {
        DatabaseUrl database = TestPostgres.newDatabase();
        try (FairwayProcess migrate = FairwayProcess.start(
                Map.of("DATABASE_URL", FairwayProcess.rawUrl(TestPostgres.port(), database.database())), "migrate")) {
            assertThat(migrate.waitFor(seconds(60))).as(migrate.output()).isZero();
        }
        try (FairwayProcess check = FairwayProcess.start(
                Map.of("DATABASE_URL", FairwayProcess.rawUrl(TestPostgres.port(), database.database())), "check-db")) {
            assertThat(check.waitFor(seconds(60))).as(check.output()).isZero();
            assertThat(check.output()).contains("[ok]   Authentication", "The database is usable.");
        }
        int closed = FairwayProcess.freePort();
        try (FairwayProcess check = FairwayProcess.start(
                Map.of("DATABASE_URL", FairwayProcess.rawUrl(closed, "fairway")), "check-db")) {
            assertThat(check.waitFor(seconds(60))).as(check.output()).isEqualTo(1);
            assertThat(check.output()).contains("[FAIL] TCP connect", "nothing is listening on localhost:" + closed);
        }
    }
}
