package dev.discreet.harness.device;

import dev.discreet.harness.internal.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small {@code /bin/sh} launchers that start a browser binary or chromedriver with adjusted arguments. */
final class Launchers {
    private Launchers() {}

    /** {@code path} as one single-quoted word of a POSIX shell. */
    static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    /**
     * Writes an executable {@code /bin/sh} script {@code name} with {@code body} in a new temporary folder named after
     * this JVM and {@code folder} (removed when the JVM ends, or swept after a kill); {@code what} names it in errors.
     */
    static Path write(String folder, String name, String body, String what) {
        try {
            Path dir = Files.createTempDirectory(TempFolders.prefix("chromium") + folder);
            Path script = dir.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            dir.toFile().deleteOnExit();
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " in the temp folder", e);
        }
    }
}
