package dev.discreet.reports.internal;

import dev.discreet.auditors.EpisodeAudit;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** results.csv: one row per episode (RFC 4180 quoting, empty cell for a dimension that was not evaluable). */
public final class Csv {
    public static final List<String> HEADER = List.of("episode_id", "task_id", "app", "agent", "status", "scored",
            "success", "privacy", "op", "tr", "fm", "privacy_qualified", "steps", "invalid_steps", "findings");

    private Csv() {}

    public static String render(List<EpisodeAudit> audits) {
        StringBuilder b = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (EpisodeAudit a : audits) {
            b.append(Stream.of(a.episodeId(), a.taskId(), a.app(), a.agent(), a.status(), a.scored(), a.success(),
                    num(a.privacy()), num(a.op()), num(a.tr()), num(a.fm()), a.privacyQualified(), a.steps(),
                    a.invalidSteps(), a.findings().size())
                    .map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return b.toString();
    }

    private static String num(Double d) { return d == null ? "" : String.format(Locale.ROOT, "%.6f", d); }

    static String cell(Object o) {
        String s = o == null ? "" : o.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
