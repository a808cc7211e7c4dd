package dev.fairway.arch.cycle.a;

/** Half of a package cycle, for ArchitectureTest to catch. */
public final class ImportsB {
    dev.fairway.arch.cycle.b.ImportsA other;
}
