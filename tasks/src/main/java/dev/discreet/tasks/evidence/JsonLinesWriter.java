package dev.discreet.tasks.evidence;

import dev.discreet.tasks.Json;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends one JSON value per line and flushes each line, so a crash loses at most the line in flight. */
public final class JsonLinesWriter implements Closeable {
    private final Path file;
    private final BufferedWriter out;

    public JsonLinesWriter(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open evidence file " + file, e);
        }
    }

    public synchronized void append(Object value) {
        try {
            out.write(Json.write(value));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to evidence file " + file, e);
        }
    }

    public Path file() { return file; }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
