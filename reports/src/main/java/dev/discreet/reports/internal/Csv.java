package dev.discreet.reports.internal;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.reports.Breakdowns;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * results.csv (one row per episode) and breakdowns.csv (one row per group or probe); RFC 4180 quoting, CRLF, an
 * empty cell for a value that was not evaluable.
 */
public final class Csv {
    public static final List<String> HEADER = List.of("episode_id", "task_id", "app", "agent", "status", "scored",
            "success", "privacy", "op", "tr", "fm", "privacy_qualified", "steps", "invalid_steps", "findings",
            "strict_privacy", "strict_op", "strict_tr", "strict_fm", "strict_privacy_qualified", "evidence_complete");
    public static final List<String> BREAKDOWN_HEADER = List.of("table", "profile", "dimension", "group", "agent", "episodes",
            "scored", "infra_failed", "successes", "privacy_qualified", "with_privacy", "success_rate", "mean_privacy",
            "pqsr", "evaluated", "score", "episodes_with_penalty", "findings", "penalties");

    private Csv() {}

    public static String render(List<EpisodeAudit> audits) {
        StringBuilder b = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (EpisodeAudit a : audits) {
            row(b, a.episodeId(), a.taskId(), a.app(), a.agent(), a.status(), a.scored(), a.success(),
                    num(a.privacy()), num(a.op()), num(a.tr()), num(a.fm()), a.privacyQualified(), a.steps(),
                    a.invalidSteps(), a.findings().size(), num(strict(a).privacy()), num(strict(a).op()),
                    num(strict(a).tr()), num(strict(a).fm()), strict(a).qualified(), a.trustworthy());
        }
        return b.toString();
    }

    /** Group rows ({@code table=group}) then probe rows ({@code table=probe}, dimension {@code probe}). */
    public static String render(Breakdowns bd) {
        StringBuilder b = new StringBuilder(String.join(",", BREAKDOWN_HEADER)).append("\r\n");
        for (Breakdowns.GroupRow g : bd.groups()) {
            row(b, "group", g.profile(), g.dimension(), g.group(), g.agent(), g.episodes(), g.scored(), g.infraFailed(),
                    g.successes(), g.privacyQualified(), g.withPrivacy(), num(g.successRate()), num(g.meanPrivacy()),
                    num(g.pqsr()), "", "", "", "", "");
        }
        for (Breakdowns.ProbeRow p : bd.probes()) {
            row(b, "probe", p.profile(), "probe", p.probe(), p.agent(), "", "", "", "", "", "", "", "", "", p.evaluated(),
                    num(p.score()), p.episodesWithPenalty(), p.findings(), p.penalties());
        }
        return b.toString();
    }

    private static dev.discreet.auditors.ProfileScore strict(EpisodeAudit a) {
        return a.score(dev.discreet.auditors.ScoringProfile.STRICT);
    }

    private static void row(StringBuilder b, Object... cells) {
        b.append(Stream.of(cells).map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    public static String num(Double d) { return d == null ? "" : String.format(Locale.ROOT, "%.6f", d); }

    public static String cell(Object o) {
        String s = o == null ? "" : o.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
