package dev.fairway.db.postgres;

import dev.fairway.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The passwords of the embedded PostgreSQL: its superuser's, and that of the role Fairway runs
 * as, which is no superuser. Made up at the first start and kept in a file only its owner can
 * read, in the data directory, so they survive restarts and no other local user learns them.
 *
 * @param superuser the password of {@code postgres}
 * @param service   the password of {@value EmbeddedDatabase#SERVICE_ROLE}
 */
record EmbeddedCredentials(Secret superuser, Secret service) {

    static final String FILE = "credentials.properties";
    private static final int PASSWORD_BYTES = 24;

    /** The credentials kept in {@code directory}, if there are any. */
    static Optional<EmbeddedCredentials> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return Optional.of(new EmbeddedCredentials(new Secret(properties.getProperty("superuser")),
                new Secret(properties.getProperty("service"))));
    }

    /** New random passwords. */
    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(password(), password());
    }

    /** Writes them to {@code directory}, readable and writable by this user only. */
    void write(Path directory) {
        Path file = directory.resolve(FILE);
        Properties properties = new Properties();
        properties.setProperty("superuser", superuser.reveal());
        properties.setProperty("service", service.reveal());
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(out, "Passwords of the embedded PostgreSQL; keep this file private");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static Secret password() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
