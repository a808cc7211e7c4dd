package dev.fairway.db.check;

import java.time.Duration;

/**
 * What one step of the connection check found.
 *
 * @param step      which step
 * @param outcome   passed, passed with a warning, or failed
 * @param took      how long the step took
 * @param finding   what was found, one line
 * @param diagnosis for a warning or failure: the likely cause and the fix, one line
 */
public record StepResult(Step step, Outcome outcome, Duration took, String finding, String diagnosis) {

    public enum Outcome { OK, WARN, FAIL, SKIPPED }

    public static StepResult ok(Step step, Duration took, String finding) {
        return new StepResult(step, Outcome.OK, took, finding, null);
    }

    public static StepResult warn(Step step, Duration took, String finding, String diagnosis) {
        return new StepResult(step, Outcome.WARN, took, finding, diagnosis);
    }

    public static StepResult fail(Step step, Duration took, String finding, String diagnosis) {
        return new StepResult(step, Outcome.FAIL, took, finding, diagnosis);
    }

    public static StepResult skipped(Step step, String why) {
        return new StepResult(step, Outcome.SKIPPED, Duration.ZERO, why, null);
    }
}
