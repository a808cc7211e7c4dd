package dev.fairway.arch.cycle.b;

/** The other half of a package cycle, for ArchitectureTest to catch. */
public final class ImportsA {
    dev.fairway.arch.cycle.a.ImportsB other;
}
