package dev.discreet.reports;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Summary;
import dev.discreet.tasks.evidence.RunManifest;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code results.json}: what the run was, its summary, the report's breakdowns (per agent, app,
 * difficulty, vagueness, kind and probe; the same numbers as {@code breakdowns.csv} and {@code report.html}) and
 * every episode audit. {@code breakdowns} is null in files written before it existed.
 */
public record Results(RunManifest manifest, Summary summary, Breakdowns breakdowns, List<EpisodeAudit> episodes) {
    public Results {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }

    /** Results with breakdowns computed without task metadata (difficulty, vagueness and kind unknown). */
    public Results(RunManifest manifest, Summary summary, List<EpisodeAudit> episodes) {
        this(manifest, summary, Breakdowns.of(episodes, Map.of()), episodes);
    }

    /** Summary and breakdowns computed from the audits; {@code tasks} (id → task) may be empty. */
    public static Results of(RunManifest manifest, List<EpisodeAudit> audits, Map<String, dev.discreet.tasks.Task> tasks) {
        List<EpisodeAudit> a = audits == null ? List.of() : audits;
        return new Results(manifest, Auditor.summarise(a), Breakdowns.of(a, tasks), a);
    }
}
