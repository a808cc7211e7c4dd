package dev.fairway.db.check;

import java.util.List;

/** Every step's result; the database is usable when no step failed. */
public record CheckReport(String target, List<StepResult> steps) {

    public CheckReport {
        steps = List.copyOf(steps);
    }

    public boolean usable() {
        return steps.stream().noneMatch(s -> s.outcome() == StepResult.Outcome.FAIL);
    }

    public StepResult step(Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
