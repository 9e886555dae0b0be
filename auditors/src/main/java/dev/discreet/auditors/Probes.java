package dev.discreet.auditors;

import java.util.List;

/** Aggregates a probe over a run; every probe number the reports show comes from here. */
public final class Probes {
    private Probes() {}

    public static ProbeSummary summarise(Probe probe, List<EpisodeAudit> audits, ScoringProfile profile) {
        int evaluated = 0, withPenalty = 0, findings = 0, penalties = 0;
        double sum = 0;
        for (EpisodeAudit a : audits == null ? List.<EpisodeAudit>of() : audits) {
            if (!a.scored()) continue;
            for (Finding f : a.findings()) if (f.probe() == probe) findings++;
            int pen = probe.penalties(a, profile);
            penalties += pen;
            Double score = probe.episodeScore(a, profile);
            if (score == null) continue;
            evaluated++;
            if (pen > 0) withPenalty++;
            sum += score;
        }
        return new ProbeSummary(probe, profile, evaluated, evaluated == 0 ? null : sum / evaluated, withPenalty,
                findings, penalties);
    }
}
