package dev.fairway.db.arch;

/** Database code that reaches into the web layer, for ArchitectureTest to catch. */
public final class UsesWeb {
    Object unauthorized() {
        return dev.fairway.web.Problems.unauthorized();
    }
}
