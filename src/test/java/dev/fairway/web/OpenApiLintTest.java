package dev.fairway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract passes the ecosystem's own judges: Redocly's recommended rules and Spectral's
 * {@code spectral:oas}, with zero errors. The linters come from the npm registry, pinned in
 * {@code tools/lint/package-lock.json}; {@code .ci/run} installs them with {@code npm ci}.
 */
class OpenApiLintTest {

    static final Path TOOLS = Path.of("tools", "lint");
    static final String CONTRACT = Path.of("src", "main", "resources", "openapi.yaml").toAbsolutePath().toString();

    @Test
    void redocly_finds_no_error_with_its_recommended_rules() throws Exception {
        Result lint = run("redocly", "lint", CONTRACT, "--config", "redocly.yaml", "--format=stylish");

        assertThat(lint.exit()).as(lint.output()).isZero();
        assertThat(lint.output()).as(lint.output()).contains("Your API description is valid");
    }

    @Test
    void spectral_finds_no_error_with_the_oas_rules() throws Exception {
        Result lint = run("spectral", "lint", CONTRACT, "--ruleset", ".spectral.yaml", "--fail-severity", "error");

        assertThat(lint.exit()).as(lint.output()).isZero();
        assertThat(lint.output()).as(lint.output()).doesNotContain(" error ");
    }

    /** What a linter printed, and how it ended. */
    record Result(int exit, String output) {
    }

    private static Result run(String tool, String... arguments) throws IOException, InterruptedException {
        Path binary = TOOLS.resolve("node_modules").resolve(".bin").resolve(tool);
        if (!Files.isExecutable(binary)) {
            System.err.println("*** SKIPPED: " + tool + " is not installed here (run `npm ci --prefix tools/lint`, as .ci/run does) ***");
            Assumptions.abort(tool + " is not installed");
        }
        List<String> command = new java.util.ArrayList<>(List.of(binary.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true);
        // Nothing leaves the machine: no usage reports, no update checks.
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " did not finish in 120 s: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
