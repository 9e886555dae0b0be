package dev.discreet.auditors;

import java.util.List;

/**
 * Every episode audit of a run with their summary.
 *
 * @param warnings bundles that could not be audited at all (each named with the reason); empty when all were
 */
public record RunAudit(Summary summary, List<EpisodeAudit> episodes, List<String> warnings) {
    public RunAudit {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RunAudit(Summary summary, List<EpisodeAudit> episodes) {
        this(summary, episodes, List.of());
    }
}
