package dev.fairway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairway.support.FairwayProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar carries the embedded PostgreSQL of the platform it was built on, not of five: 115 of
 * its 138 MB were binaries for other systems. {@code -Pall-platforms} builds the jar that runs
 * anywhere, and this test then expects all of them.
 */
class JarContentsIT {

    @Test
    void the_jar_holds_the_postgresql_binaries_of_the_platform_it_was_built_for() throws IOException {
        List<String> binaries;
        try (ZipFile jar = new ZipFile(FairwayProcess.JAR.toFile())) {
            binaries = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("postgres-") && name.endsWith(".txz")).sorted().toList();
        }
        long megabytes = Files.size(FairwayProcess.JAR) / (1024 * 1024);

        if ("all".equals(System.getProperty("fairway.postgres.platforms"))) {
            assertThat(binaries).hasSize(5).contains(thisPlatform());
        } else {
            assertThat(binaries).as("this platform's only").containsExactly(thisPlatform());
            assertThat(megabytes).as("the jar's size in MB").isLessThan(60);
        }
    }

    /** zonky's name for this machine's binaries: postgres-linux-x86_64.txz and the like. */
    private static String thisPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        return "postgres-" + system + "-" + arch + ".txz";
    }
}
