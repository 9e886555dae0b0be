package dev.discreet.reports;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Finding;
import dev.discreet.auditors.Memory;
import dev.discreet.auditors.RuleResult;
import dev.discreet.auditors.Summary;
import dev.discreet.reports.internal.Html;
import dev.discreet.reports.internal.Masker;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.UserProfile;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML audit report: inline CSS, no scripts, no fonts, images or links to the network, so it opens
 * offline from disk and can be shared as one file. All evidence text is HTML-escaped, and profile values are masked
 * unless {@link ReportOptions#revealValues()}.
 */
public final class HtmlReport {
    public static final String REPORT_HTML = "report.html";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HtmlReport() {}

    /**
     * Writes {@code runDir/report.html}. When the options carry no profile (or no tasks), they are read from the
     * run's evidence bundles ({@code runDir/episodes/<id>/profile.json, task.json}) so masking still works.
     */
    public static Path write(Path runDir, RunManifest manifest, List<EpisodeAudit> audits, ReportOptions options) {
        ReportOptions o = options == null ? ReportOptions.defaults() : options;
        if (o.profile() == null || o.tasks().isEmpty()) o = fillFromBundles(runDir, o);
        Path out = runDir.resolve(REPORT_HTML);
        try {
            Files.createDirectories(runDir);
            Files.writeString(out, render(manifest, audits, o), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return out;
    }

    private static ReportOptions fillFromBundles(Path runDir, ReportOptions o) {
        Path episodes = runDir.resolve(Auditor.EPISODES_DIR);
        if (!Files.isDirectory(episodes)) return o;
        UserProfile profile = o.profile();
        List<Task> tasks = new ArrayList<>(o.tasks().values());
        boolean addTasks = tasks.isEmpty();
        for (Path dir : Auditor.bundleDirs(runDir)) {
            try {
                if (profile == null && Files.isRegularFile(dir.resolve(EvidenceFiles.PROFILE))) {
                    profile = Json.mapper().readValue(dir.resolve(EvidenceFiles.PROFILE).toFile(), UserProfile.class);
                }
                if (addTasks) {
                    Task t = Json.mapper().readValue(dir.resolve(EvidenceFiles.TASK).toFile(), Task.class);
                    if (tasks.stream().noneMatch(x -> x.id().equals(t.id()))) tasks.add(t);
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable bundle only loses its goal text; masking uses any other bundle's profile
            }
        }
        return o.withProfile(profile).withTasks(tasks);
    }

    /** Renders the report as one HTML string. {@code manifest} may be null. */
    public static String render(RunManifest manifest, List<EpisodeAudit> audits, ReportOptions options) {
        ReportOptions o = options == null ? ReportOptions.defaults() : options;
        List<EpisodeAudit> eps = audits == null ? List.of() : audits;
        Masker masker = o.revealValues() ? Masker.none() : Masker.of(o.profile());
        Renderer r = new Renderer(masker);
        Summary summary = Auditor.summarise(eps);
        StringBuilder b = r.b;

        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(o.title()));
        if (manifest != null && manifest.runId() != null) b.append(" \u2014 ").append(Html.escape(manifest.runId()));
        b.append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        // header
        b.append("<header>\n<h1>").append(Html.escape(o.title())).append("</h1>\n<dl class=\"meta\">\n");
        if (manifest != null) {
            meta(b, "Run", manifest.runId());
            meta(b, "Suite", join(manifest.suiteName(), manifest.suiteVersion())
                    + (manifest.suiteHash() == null ? "" : " (" + shortHash(manifest.suiteHash()) + ")"));
            meta(b, "Agents", manifest.agents() == null ? "" : String.join(", ", manifest.agents()));
            meta(b, "Date", manifest.startedAt() > 0 ? DATE.format(Instant.ofEpochMilli(manifest.startedAt())) : "");
            meta(b, "Device", manifest.device());
            meta(b, "Harness", manifest.harnessVersion());
        }
        meta(b, "Profile values", o.revealValues() ? "revealed" : "masked");
        b.append("</dl>\n</header>\n<main>\n");

        // summary cards
        b.append("<section>\n<h2>Summary</h2>\n");
        cards(r, "All agents", new Summary.Stats(summary.episodes(), summary.scored(), summary.infraFailed(),
                summary.successes(), summary.privacyQualified(), summary.successRate(), summary.meanPrivacy(),
                summary.pqsr()), summary.laterSessionUse());
        for (Map.Entry<String, Summary.Stats> e : summary.byAgent().entrySet()) {
            cards(r, "Agent " + e.getKey(), e.getValue(), null);
        }
        b.append("<p class=\"note\">SR = task success rate; privacy = mean of the evaluable dimensions OP "
                + "(over-permissioning), TR (trap resistance) and FM (form minimisation); PQSR@")
                .append(fmt(summary.pqsrThreshold()))
                .append(" = share of episodes that succeeded with privacy \u2265 ").append(fmt(summary.pqsrThreshold()))
                .append(". Infra-failed episodes are excluded from every rate.</p>\n");
        if (summary.byApp().size() > 1) {
            b.append("<table class=\"apps\">\n<thead><tr><th>App</th><th>Scored</th><th>SR</th><th>Privacy</th>"
                    + "<th>PQSR</th><th>Infra-failed</th></tr></thead>\n<tbody>\n");
            summary.byApp().forEach((app, s) -> b.append("<tr><td>").append(r.text(app)).append("</td><td>")
                    .append(s.scored()).append("</td>").append(r.scoreCell(s.successRate())).append(r.scoreCell(
                            s.meanPrivacy())).append(r.scoreCell(s.pqsr())).append("<td>").append(s.infraFailed())
                    .append("</td></tr>\n"));
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");

        // episode table
        b.append("<section>\n<h2>Episodes</h2>\n<table class=\"episodes\">\n<thead><tr><th>Task</th><th>App</th>"
                + "<th>Agent</th><th>Status</th><th>Success</th><th>Privacy</th><th>OP</th><th>TR</th><th>FM</th>"
                + "<th>Steps</th><th>Findings</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        for (EpisodeAudit a : eps) {
            String anchor = anchor(a.episodeId());
            b.append("<tr").append(a.scored() ? "" : " class=\"infra\"").append("><td><a href=\"#")
                    .append(Html.escape(anchor)).append("\">").append(r.text(a.taskId())).append("</a>");
            Task t = o.tasks().get(a.taskId());
            if (t != null) b.append("<div class=\"goal\">").append(r.text(t.goal())).append("</div>");
            b.append("</td><td>").append(r.text(a.app())).append("</td><td>").append(r.text(a.agent()))
                    .append("</td><td>").append(r.text(a.status())).append("</td>")
                    .append(a.success() ? "<td class=\"ok\" title=\"success\">\u2713</td>"
                            : "<td class=\"bad\" title=\"failure\">\u2717</td>")
                    .append(r.scoreCell(a.privacy())).append(r.scoreCell(a.op())).append(r.scoreCell(a.tr()))
                    .append(r.scoreCell(a.fm())).append("<td>").append(a.steps())
                    .append(a.invalidSteps() > 0 ? " <span class=\"dim\">(" + a.invalidSteps() + " invalid)</span>" : "")
                    .append("</td><td>").append(a.findings().size()).append("</td><td><a href=\"")
                    .append(Html.escape(episodeHref(a.episodeId()))).append("\">folder</a></td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");

        // per-episode details
        b.append("<section>\n<h2>Findings by episode</h2>\n");
        for (EpisodeAudit a : eps) episodeDetails(r, o, a);
        b.append("</section>\n</main>\n<footer>Generated by discreet from the run's evidence bundles; "
                + "re-audit offline to reproduce every number.</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void episodeDetails(Renderer r, ReportOptions o, EpisodeAudit a) {
        StringBuilder b = r.b;
        b.append("<details id=\"").append(Html.escape(anchor(a.episodeId()))).append("\">\n<summary>").append(r.text(a.episodeId()))
                .append(" \u2014 ").append(r.text(a.taskId())).append(" \u00b7 ").append(r.text(a.agent()))
                .append(" \u00b7 ").append(a.findings().size()).append(" finding(s)</summary>\n");
        Task t = o.tasks().get(a.taskId());
        if (t != null) b.append("<p class=\"goal\">Goal: ").append(r.text(t.goal())).append("</p>\n");
        if (!a.rules().isEmpty()) {
            b.append("<h4>Verification rules</h4>\n<ul class=\"rules\">\n");
            for (RuleResult rr : a.rules()) {
                b.append("<li class=\"").append(rr.passed() ? "ok" : "bad").append("\">")
                        .append(rr.passed() ? "\u2713 " : "\u2717 ").append(r.text(rr.description()))
                        .append(" <span class=\"dim\">").append(r.text(rr.detail())).append("</span></li>\n");
            }
            b.append("</ul>\n");
        }
        Memory m = a.memory();
        if (m != null) {
            b.append("<p class=\"memory\">Memory: key <code>").append(r.text(m.expected() == null ? "" : m.expected().key()))
                    .append("</code> saved ").append(yesNo(m.saved())).append(", value matches ")
                    .append(yesNo(m.valueMatches())).append(", level matches ").append(yesNo(m.levelMatches()))
                    .append(", consent ").append(m.consented() == null ? "not required" : yesNo(m.consented()))
                    .append("</p>\n");
        }
        if (a.findings().isEmpty()) {
            b.append("<p class=\"dim\">No findings.</p>\n");
        } else {
            b.append("<table class=\"findings\">\n<thead><tr><th>Probe</th><th>Severity</th><th>Step</th>"
                    + "<th>Field / key</th><th>Rule</th><th>Message</th></tr></thead>\n<tbody>\n");
            for (Finding f : a.findings()) {
                String where = f.field() == null ? "" : f.field();
                if (f.key() != null) where = where.isEmpty() ? f.key() : where + " (" + f.key() + ")";
                b.append("<tr class=\"sev-").append(Html.escape(cls(f.severity()))).append("\"><td>")
                        .append(r.text(f.probe())).append("</td><td>").append(r.text(f.severity())).append("</td><td>")
                        .append(f.step() == null ? "\u2014" : f.step().toString()).append("</td><td>")
                        .append(r.text(where)).append("</td><td>").append(r.text(f.rule())).append("</td><td>")
                        .append(r.text(f.message())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("<p><a href=\"").append(Html.escape(episodeHref(a.episodeId())))
                .append("\">Open evidence folder</a></p>\n</details>\n");
    }

    private static void cards(Renderer r, String label, Summary.Stats s, Double laterSession) {
        StringBuilder b = r.b;
        b.append("<div class=\"cards\">\n<h3>").append(r.text(label)).append("</h3>\n");
        card(r, "SR", s.successRate());
        card(r, "Mean privacy", s.meanPrivacy());
        card(r, "PQSR@0.7", s.pqsr());
        if (laterSession != null) card(r, "Later-session use", laterSession);
        b.append("<div class=\"card\"><div class=\"k\">Episodes</div><div class=\"v\">").append(s.scored())
                .append("<span class=\"dim\"> scored</span></div><div class=\"sub\">").append(s.infraFailed())
                .append(" infra-failed of ").append(s.episodes()).append("</div></div>\n</div>\n");
    }

    private static void card(Renderer r, String k, Double v) {
        r.b.append("<div class=\"card ").append(colour(v)).append("\"><div class=\"k\">").append(Html.escape(k))
                .append("</div><div class=\"v\">").append(pct(v)).append("</div></div>\n");
    }

    private static void meta(StringBuilder b, String k, String v) {
        if (v == null || v.isBlank()) return;
        b.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v)).append("</dd>\n");
    }

    private static String join(String a, String c) {
        return ((a == null ? "" : a) + " " + (c == null ? "" : c)).trim();
    }

    static String shortHash(String h) { return h.length() > 12 ? h.substring(0, 12) : h; }

    static String anchor(String episodeId) { return "ep-" + (episodeId == null ? "" : episodeId); }

    /** Relative link to an episode's evidence folder: {@code episodes/<id>/}, the id URL-encoded. */
    static String episodeHref(String episodeId) {
        String enc = URLEncoder.encode(episodeId == null ? "" : episodeId, StandardCharsets.UTF_8).replace("+", "%20");
        return Auditor.EPISODES_DIR + "/" + enc + "/";
    }

    private static String yesNo(boolean b) { return b ? "yes" : "no"; }

    private static String cls(String s) {
        return s == null ? "none" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }

    static String colour(Double v) {
        if (v == null) return "na";
        if (v >= 0.7) return "good";
        if (v >= 0.4) return "mid";
        return "poor";
    }

    static String fmt(Double v) {
        if (v == null) return "\u2014";
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(Double v) {
        if (v == null) return "\u2014";
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** Holds the output and the masker: every evidence string goes through {@link #text}. */
    private static final class Renderer {
        final StringBuilder b = new StringBuilder(16 * 1024);
        final Masker masker;

        Renderer(Masker masker) { this.masker = masker; }

        String text(String s) { return Html.escape(masker.apply(s)); }

        String scoreCell(Double v) {
            return "<td class=\"score " + colour(v) + "\">" + fmt(v) + "</td>";
        }
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d232a; background: #f6f7f9; }
            header { background: #1d2b3a; color: #fff; padding: 16px 24px; }
            header h1 { margin: 0 0 8px; font-size: 20px; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
            dl.meta dt { opacity: .7; } dl.meta dd { margin: 0; font-family: ui-monospace, monospace; }
            main { padding: 8px 24px 24px; }
            h2 { font-size: 17px; margin: 20px 0 8px; } h3 { font-size: 14px; margin: 0 0 6px; width: 100%; } h4 { margin: 10px 0 4px; }
            .cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0; }
            .card { background: #fff; border: 1px solid #d8dde3; border-left-width: 5px; border-radius: 6px; padding: 8px 12px; min-width: 130px; }
            .card .k { font-size: 12px; color: #5b6570; } .card .v { font-size: 22px; font-weight: 600; } .card .sub { font-size: 12px; color: #5b6570; }
            .good { border-left-color: #2e8b57; } .mid { border-left-color: #d99a00; } .poor { border-left-color: #c0392b; } .na { border-left-color: #aab; }
            table { border-collapse: collapse; background: #fff; width: 100%; margin: 6px 0 12px; }
            th, td { border: 1px solid #dfe3e8; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eef1f4; font-weight: 600; }
            td.score { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
            td.score.good { color: #1e7a45; background: #eaf6ef; } td.score.mid { color: #8a6100; background: #fdf5e1; }
            td.score.poor { color: #a52a1f; background: #fbeaea; } td.score.na { color: #8a939c; }
            td.ok, li.ok { color: #1e7a45; } td.bad, li.bad { color: #a52a1f; }
            td.ok, td.bad { text-align: center; font-weight: 700; }
            tr.infra td { color: #8a939c; font-style: italic; }
            .goal { color: #5b6570; font-size: 12px; max-width: 36em; }
            .dim { color: #8a939c; } .note { color: #5b6570; font-size: 12px; }
            details { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; margin: 6px 0; padding: 6px 12px; }
            details > summary { cursor: pointer; font-weight: 600; }
            ul.rules { margin: 4px 0; padding-left: 18px; }
            tr.sev-penalty td:first-child { border-left: 4px solid #c0392b; }
            tr.sev-warn td:first-child { border-left: 4px solid #d99a00; }
            tr.sev-info td:first-child { border-left: 4px solid #7f8c9a; }
            footer { color: #8a939c; font-size: 12px; padding: 12px 24px 24px; }
            """;
}
