package dev.discreet.reports;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.reports.internal.Csv;
import dev.discreet.reports.internal.RunFiles;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.evidence.RunManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the machine-readable results of a run: {@code results.json} (manifest, summary, breakdowns, episodes),
 * {@code results.csv} (one row per episode) and {@code breakdowns.csv} (the report's breakdown tables). Safe to call
 * at any time during a run: it uses only the audits given and the bundles written so far.
 */
public final class ResultsWriter {
    public static final String RESULTS_JSON = "results.json";
    public static final String RESULTS_CSV = "results.csv";
    public static final String BREAKDOWNS_CSV = "breakdowns.csv";

    private ResultsWriter() {}

    /**
     * Writes the three files into {@code runDir}; returns the path of results.json. Task metadata for the
     * difficulty / vagueness / kind breakdowns is read from the run's bundles ({@code episodes/<id>/task.json}).
     */
    public static Path write(Path runDir, RunManifest manifest, List<EpisodeAudit> audits) {
        return write(runDir, manifest, audits, RunFiles.scan(runDir, false).tasks());
    }

    /** As {@link #write(Path, RunManifest, List)} with the tasks given (id → task). */
    public static Path write(Path runDir, RunManifest manifest, List<EpisodeAudit> audits, Map<String, Task> tasks) {
        List<EpisodeAudit> a = audits == null ? List.of() : audits;
        Results results = Results.of(manifest, a, tasks);
        Path json = runDir.resolve(RESULTS_JSON);
        try {
            Files.createDirectories(runDir);
            writeAtomically(json, Json.pretty(results) + "\n");
            writeAtomically(runDir.resolve(RESULTS_CSV), Csv.render(a));
            writeAtomically(runDir.resolve(BREAKDOWNS_CSV), Csv.render(results.breakdowns()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results into " + runDir, e);
        }
        return json;
    }

    public static Results read(Path resultsJson) {
        try {
            return Json.mapper().readValue(resultsJson.toFile(), Results.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resultsJson + ": " + e.getMessage(), e);
        }
    }

    /** Writes through a temporary file and a rename, so a reader (or a crash) never sees half a file. */
    static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
