package dev.discreet.harness.internal;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Summary;
import dev.discreet.reports.HtmlReport;
import dev.discreet.reports.ReportOptions;
import dev.discreet.reports.ResultsWriter;
import dev.discreet.tasks.UserProfile;
import dev.discreet.tasks.evidence.RunManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes results.json, results.csv and report.html for a run; returns the report's path. */
public final class Reporting {
    private Reporting() {}

    public static Path write(Path runDir, RunManifest manifest, List<EpisodeAudit> audits, UserProfile profile,
                             boolean reveal) {
        ResultsWriter.write(runDir, manifest, audits);
        ReportOptions o = ReportOptions.defaults().withRevealValues(reveal);
        if (profile != null) o = o.withProfile(profile);
        return HtmlReport.write(runDir, manifest, audits, o);
    }

    /**
     * One line per agent: SR, privacy and PQSR@0.7 over its scored episodes, with the episodes left unscored beside
     * them (infra-failed: {@code --resume} reruns them), so a rate over fewer episodes never passes unnoticed.
     */
    public static String summaryLine(List<EpisodeAudit> audits) {
        Summary s = Auditor.summarise(audits);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Summary.Stats> e : s.byAgent().entrySet()) {
            Summary.Stats st = e.getValue();
            if (sb.length() > 0) sb.append(" | ");
            sb.append(String.format(Locale.ROOT, "%s: SR %s, privacy %s, PQSR@0.7 %s (%d scored", e.getKey(),
                    pct(st.successRate()), pct(st.meanPrivacy()), pct(st.pqsr()), st.scored()));
            if (st.infraFailed() > 0) {
                sb.append(String.format(Locale.ROOT, ", %d unscored: infra-failed, rerun with --resume",
                        st.infraFailed()));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String pct(Double d) { return d == null ? "-" : String.format(Locale.ROOT, "%.1f%%", d * 100); }
}
