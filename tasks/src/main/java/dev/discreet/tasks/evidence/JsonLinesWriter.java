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

/**
 * Appends one JSON value per line and flushes each line, so a crash loses at most the line in flight. Given the run's
 * {@link EvidenceKeys}, each line is chained ({@link EvidenceChain}) and the writer remembers the chain's head, which
 * the harness compares with the file when the episode ends.
 */
public final class JsonLinesWriter implements Closeable {
    private final Path file;
    private final BufferedWriter out;
    private final EvidenceKeys keys;
    private String head;
    private int lines;

    public JsonLinesWriter(Path file) {
        this(file, null, null);
    }

    /**
     * A chained writer when {@code keys} is not null; {@code genesis} from {@link EvidenceChain#genesis}. The file
     * must be new or empty (a chain starts at its first line).
     */
    public JsonLinesWriter(Path file, EvidenceKeys keys, String genesis) {
        this.file = file;
        this.keys = keys;
        this.head = genesis;
        if (keys != null && genesis == null) throw new IllegalArgumentException("genesis must be given with keys");
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
            String json = Json.write(value);
            if (keys != null) {
                head = keys.mac(head, json);
                json = EvidenceChain.seal(json, head);
            }
            out.write(json);
            out.write('\n');
            lines++;
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to evidence file " + file, e);
        }
    }

    public Path file() { return file; }

    /** The chain's head so far (null for an unchained writer). */
    public synchronized EvidenceChain.Head head() { return keys == null ? null : new EvidenceChain.Head(lines, head); }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
