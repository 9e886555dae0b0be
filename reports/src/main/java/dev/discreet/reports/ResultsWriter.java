package dev.discreet.reports;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.reports.internal.Csv;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.evidence.RunManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the machine-readable results of a run: {@code results.json} and {@code results.csv}. */
public final class ResultsWriter {
    public static final String RESULTS_JSON = "results.json";
    public static final String RESULTS_CSV = "results.csv";

    private ResultsWriter() {}

    /** Writes both files into {@code runDir}; returns the path of results.json. */
    public static Path write(Path runDir, RunManifest manifest, List<EpisodeAudit> audits) {
        Results results = new Results(manifest, Auditor.summarise(audits), audits);
        Path json = runDir.resolve(RESULTS_JSON);
        try {
            Files.createDirectories(runDir);
            Files.writeString(json, Json.pretty(results) + "\n", StandardCharsets.UTF_8);
            Files.writeString(runDir.resolve(RESULTS_CSV), Csv.render(audits), StandardCharsets.UTF_8);
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
}
