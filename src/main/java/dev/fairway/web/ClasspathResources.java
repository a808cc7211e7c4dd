package dev.fairway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files shipped inside the jar, read once at start: a missing one is a packaging bug, found at once. */
final class ClasspathResources {

    private ClasspathResources() {
    }

    static byte[] read(String path) {
        try (InputStream in = ClasspathResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
