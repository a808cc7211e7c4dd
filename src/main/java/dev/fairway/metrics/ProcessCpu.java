package dev.fairway.metrics;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;

/**
 * The process's and the machine's CPU figures, named as Prometheus and its standard dashboards
 * expect ({@code process_cpu_seconds_total}). Micrometer's own {@code ProcessorMetrics} names them
 * {@code process_cpu_time_ns_total} and {@code system_cpu_count}, which {@code promtool check
 * metrics} rejects (an abbreviated unit; a {@code _count} suffix on a gauge).
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static void bindTo(MeterRegistry registry) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)) {
            return;
        }
        FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                .baseUnit("seconds")
                .description("CPU time the process has used")
                .register(registry);
        Gauge.builder("process.cpu.usage", os, OperatingSystemMXBean::getProcessCpuLoad)
                .description("The process's recent share of the machine's CPU, 0 to 1")
                .register(registry);
        Gauge.builder("system.cpu.usage", os, OperatingSystemMXBean::getCpuLoad)
                .description("The machine's recent CPU use, 0 to 1")
                .register(registry);
        Gauge.builder("system.cpus", os, OperatingSystemMXBean::getAvailableProcessors)
                .description("Processors available to the JVM")
                .register(registry);
        Gauge.builder("system.load.average.1m", os, OperatingSystemMXBean::getSystemLoadAverage)
                .description("The machine's load average over the last minute")
                .register(registry);
    }
}
