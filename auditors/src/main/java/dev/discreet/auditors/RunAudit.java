package dev.discreet.auditors;

import java.util.List;

/** Every episode audit of a run with their summary. */
public record RunAudit(Summary summary, List<EpisodeAudit> episodes) {
    public RunAudit {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }
}
