package dev.fairway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The embedded default's admin token, kept beside the database's passwords in the data directory
 * (readable by its owner only), so it is the same at every start: a token that changed at each
 * start left the staff page signed in with a dead one.
 */
public final class AdminTokenFile {

    static final String NAME = "admin-token";

    private AdminTokenFile() {
    }

    public static Path in(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** The kept token, if there is one. */
    public static Optional<Secret> read(Path dataDir) {
        Path file = in(dataDir);
        try {
            return Files.exists(file) ? Optional.of(new Secret(Files.readString(file, StandardCharsets.UTF_8).strip()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token kept in " + file, e);
        }
    }

    /** Keeps {@code token} (owner-only), unless one is kept already; true when this kept it. */
    public static boolean keep(Path dataDir, Secret token) {
        Path file = in(dataDir);
        try {
            Files.createDirectories(dataDir);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token.reveal() + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin token in " + file, e);
        }
    }
}
