package dev.discreet.reports;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Summary;
import dev.discreet.tasks.evidence.RunManifest;

import java.util.List;

/** The content of {@code results.json}: what the run was, its summary, and every episode audit. */
public record Results(RunManifest manifest, Summary summary, List<EpisodeAudit> episodes) {
    public Results {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }
}
