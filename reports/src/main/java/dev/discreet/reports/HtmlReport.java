package dev.discreet.reports;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.reports.internal.EpisodeData;
import dev.discreet.reports.internal.EpisodePage;
import dev.discreet.reports.internal.Masker;
import dev.discreet.reports.internal.RunFiles;
import dev.discreet.reports.internal.RunPage;
import dev.discreet.reports.internal.UsageTotals;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML audit report of a run: {@code report.html}, one self-contained file (inline CSS and SVG charts, no script,
 * nothing from the network) with the overview, breakdowns and every finding; plus one page per episode
 * ({@code episodes/<id>/episode.html}) with the step timeline, screenshot thumbnails and privacy events. Episode pages
 * are separate files so that report.html stays small for large runs and each page links its own screenshots
 * relatively. All evidence text is HTML-escaped and profile values are masked unless
 * {@link ReportOptions#revealValues()}.
 */
public final class HtmlReport {
    public static final String REPORT_HTML = "report.html";
    /** Name of each episode's page inside its bundle folder. */
    public static final String EPISODE_HTML = EpisodePage.FILE;

    private HtmlReport() {}

    /**
     * Writes {@code runDir/report.html} and the episode pages of every audit whose bundle is in the run folder (a
     * page is rewritten only when its evidence, audit or masking changed, so calling this after every episode stays
     * cheap). Safe during a run: it shows exactly the audits given. When the options carry no profile (or no
     * tasks), they are read from the run's bundles so masking still works.
     */
    public static Path write(Path runDir, RunManifest manifest, List<EpisodeAudit> audits, ReportOptions options) {
        ReportOptions o = options == null ? ReportOptions.defaults() : options;
        List<EpisodeAudit> eps = audits == null ? List.of() : audits;
        if (o.profile() == null || o.tasks().isEmpty()) {
            RunFiles.Found found = RunFiles.scan(runDir, o.profile() == null);
            if (o.profile() == null) o = o.withProfile(found.profile());
            if (o.tasks().isEmpty()) o = o.withTasks(found.tasks().values());
        }
        Masker masker = o.revealValues() ? Masker.none() : Masker.of(o.profile());
        Path out = runDir.resolve(REPORT_HTML);
        try {
            Files.createDirectories(runDir);
            Map<String, Path> bundles = new HashMap<>();
            if (Files.isDirectory(runDir)) {
                for (Path d : Auditor.bundleDirs(runDir)) bundles.put(d.getFileName().toString(), d);
            }
            Map<String, String> hrefs = new HashMap<>();
            Map<String, UsageTotals> usage = new HashMap<>();
            for (EpisodeAudit a : eps) {
                Path dir = bundles.get(a.episodeId());
                if (dir == null) continue;
                UsageTotals u = writeEpisodePage(runDir, dir, a, masker, o.revealValues());
                if (!u.isEmpty()) usage.put(a.episodeId(), u);
                hrefs.put(a.episodeId(), href(runDir, dir.resolve(EPISODE_HTML)));
            }
            List<String> exports = new ArrayList<>();
            for (String f : List.of(ResultsWriter.RESULTS_JSON, ResultsWriter.RESULTS_CSV, ResultsWriter.BREAKDOWNS_CSV)) {
                if (Files.isRegularFile(runDir.resolve(f))) exports.add(f);
            }
            String html = RunPage.render(o.title(), o.revealValues(), manifest, eps, o.tasks(), masker,
                    new RunPage.Links(hrefs::get, exports, usage));
            ResultsWriter.writeAtomically(out, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return out;
    }

    /** Renders report.html as one string, linking every episode to {@code episodes/<id>/episode.html}. */
    public static String render(RunManifest manifest, List<EpisodeAudit> audits, ReportOptions options) {
        ReportOptions o = options == null ? ReportOptions.defaults() : options;
        Masker masker = o.revealValues() ? Masker.none() : Masker.of(o.profile());
        return RunPage.render(o.title(), o.revealValues(), manifest, audits == null ? List.of() : audits, o.tasks(),
                masker, RunPage.Links.standard());
    }

    /** Renders one episode's page from its bundle folder (what {@link #write} puts in {@code episode.html}). */
    public static String renderEpisode(Path bundleDir, EpisodeAudit audit, ReportOptions options) {
        ReportOptions o = options == null ? ReportOptions.defaults() : options;
        Masker masker = o.revealValues() ? Masker.none() : Masker.of(o.profile());
        return EpisodePage.render(audit, EpisodeData.read(bundleDir), masker, o.revealValues(), null);
    }

    private static UsageTotals writeEpisodePage(Path runDir, Path dir, EpisodeAudit a, Masker masker, boolean reveal)
            throws IOException {
        Path page = dir.resolve(EPISODE_HTML);
        String stamp = EpisodePage.stamp(a, reveal);
        if (fresh(page, dir, stamp)) return EpisodeData.readUsage(dir);
        EpisodeData data = EpisodeData.read(dir);
        String html = EpisodePage.render(a, data, masker, reveal, href(dir, runDir.resolve(REPORT_HTML)));
        ResultsWriter.writeAtomically(page, html);
        return data.usage();
    }

    /** The page exists, was made with the same stamp, and is newer than every evidence file it shows. */
    private static boolean fresh(Path page, Path dir, String stamp) throws IOException {
        if (!Files.isRegularFile(page)) return false;
        try (BufferedReader r = Files.newBufferedReader(page, StandardCharsets.UTF_8)) {
            if (!stamp.equals(r.readLine())) return false;
        }
        FileTime made = Files.getLastModifiedTime(page);
        for (String f : List.of(EvidenceFiles.EPISODE, EvidenceFiles.TRAJECTORY, EvidenceFiles.ENTRIES,
                EvidenceFiles.ACCESS, EvidenceFiles.AUDIT, EvidenceFiles.TASK)) {
            Path p = dir.resolve(f);
            if (Files.exists(p) && Files.getLastModifiedTime(p).compareTo(made) >= 0) return false;
        }
        return true;
    }

    /** Relative URL from {@code fromDir} to {@code target}, each segment URL-encoded. */
    private static String href(Path fromDir, Path target) {
        Path rel = fromDir.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        StringBuilder s = new StringBuilder();
        for (Path seg : rel) {
            if (s.length() > 0) s.append('/');
            String n = seg.toString();
            s.append(n.equals("..") ? n : java.net.URLEncoder.encode(n, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return s.toString();
    }
}
