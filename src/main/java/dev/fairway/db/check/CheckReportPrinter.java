package dev.fairway.db.check;

import java.io.PrintStream;

/** Prints a check report as aligned lines, one per step, with the fix under each problem. */
public final class CheckReportPrinter {

    private CheckReportPrinter() {
    }

    public static void print(CheckReport report, PrintStream out) {
        out.println("Checking " + report.target());
        for (StepResult step : report.steps()) {
            String mark = switch (step.outcome()) {
                case OK -> "[ok]  ";
                case WARN -> "[warn]";
                case FAIL -> "[FAIL]";
                case SKIPPED -> "[--]  ";
            };
            String took = step.outcome() == StepResult.Outcome.SKIPPED ? "" : formatMillis(step.took());
            out.printf("  %s %-15s %9s  %s%n", mark, step.step().label(), took, step.finding());
            if (step.diagnosis() != null) {
                out.printf("  %6s %-15s %9s  -> %s%n", "", "", "", step.diagnosis());
            }
        }
        out.println(report.usable() ? "The database is usable." : "The database is NOT usable: fix the first [FAIL] above.");
    }

    private static String formatMillis(java.time.Duration took) {
        double millis = took.toNanos() / 1_000_000.0;
        return millis < 10 ? String.format("%.1f ms", millis) : String.format("%.0f ms", millis);
    }
}
