package dev.discreet.harness.internal;

import dev.discreet.auditors.Auditor;
import dev.discreet.tasks.evidence.EvidenceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whole copies of a saved run folder, for timing offline work on more episodes than were run: each copy is a run
 * folder of its own ({@code copy-01}, {@code copy-02}, ...) holding the original {@code manifest.json} (with the
 * run's public signing key) and the bundles byte for byte (seal included), so every copied bundle audits exactly as
 * its original (a bundle whose {@code episode.json} is edited is rightly reported as tampered with). Outputs that a
 * re-audit or a report rewrite ({@code audit.json}, {@code episode.html}) are not copied.
 */
public final class RunCopies {
    /** Files of a bundle that are outputs of the audit and the report, not evidence. */
    private static final Set<String> OUTPUTS = Set.of(EvidenceFiles.AUDIT, "episode.html");

    private RunCopies() {}

    /**
     * Copies {@code run} into {@code into/copy-NN} as many times as it takes to hold {@code episodes} bundles (the
     * last copy holds the first bundles in name order). Returns the copied bundle folders, copy by copy, each in name
     * order.
     */
    public static List<Path> copy(Path run, Path into, int episodes) {
        Path manifest = run.resolve(EvidenceFiles.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(run + " is not a run folder (no " + EvidenceFiles.MANIFEST + ")");
        }
        List<Path> bundles = Auditor.bundleDirs(run);
        if (bundles.isEmpty()) throw new IllegalArgumentException(run + " holds no episode bundle");
        if (episodes < 1) throw new IllegalArgumentException("episodes must be at least 1, got " + episodes);
        List<Path> out = new ArrayList<>(episodes);
        try {
            for (int copy = 1; out.size() < episodes; copy++) {
                Path to = into.resolve(String.format("copy-%02d", copy));
                Files.createDirectories(to.resolve(Auditor.EPISODES_DIR));
                Files.copy(manifest, to.resolve(EvidenceFiles.MANIFEST));
                for (Path b : bundles) {
                    if (out.size() == episodes) break;
                    Path t = to.resolve(Auditor.EPISODES_DIR).resolve(b.getFileName().toString());
                    copyBundle(b, t);
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + run + " into " + into + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void copyBundle(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() == 1 && OUTPUTS.contains(rel.toString())) continue;
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
