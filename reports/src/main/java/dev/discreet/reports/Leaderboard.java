package dev.discreet.reports;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Summary;
import dev.discreet.reports.internal.Css;
import dev.discreet.reports.internal.Csv;
import dev.discreet.reports.internal.EpisodeData;
import dev.discreet.reports.internal.Fmt;
import dev.discreet.reports.internal.Html;
import dev.discreet.reports.internal.Svg;
import dev.discreet.reports.internal.UsageTotals;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Several runs (e.g. one per model) side by side, one entry per (run, agent), ranked by <b>PQSR@0.7</b>, then
 * <b>SR</b>, then <b>mean privacy</b> (all descending; a missing value ranks last; entries equal on all three share a
 * rank). PQSR comes first because it is the one number that rewards finishing the task <i>and</i> respecting privacy.
 * Runs of different task suites (suite hash in {@code manifest.json}) are refused unless mixing is allowed, because
 * their numbers are not comparable.
 *
 * @param entries     ranked entries, best first
 * @param runs        the runs compared, in the order given
 * @param mixedSuites the runs used more than one suite hash (only possible when allowed)
 * @param warnings    comparability notes shown above the table (mixed suites, different task sets, runs in progress)
 */
public record Leaderboard(List<Entry> entries, List<Run> runs, boolean mixedSuites, List<String> warnings) {
    public static final String JSON = "leaderboard.json";
    public static final String CSV = "leaderboard.csv";
    public static final String HTML = "leaderboard.html";
    public static final List<String> CSV_HEADER = List.of("rank", "run_id", "agent", "suite_name", "suite_version",
            "suite_hash", "episodes", "scored", "infra_failed", "successes", "privacy_qualified", "with_privacy",
            "pqsr", "pqsr_low95", "pqsr_high95", "success_rate", "success_rate_low95", "success_rate_high95",
            "mean_privacy", "op", "tr", "fm", "leakage_clean", "later_session_use", "tasks", "run_dir",
            "strict_rated", "strict_privacy_qualified", "strict_with_privacy", "strict_pqsr", "strict_success_rate",
            "strict_mean_privacy", "strict_later_session_use");

    public Leaderboard {
        entries = List.copyOf(entries);
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    /** A run folder as the leaderboard read it. */
    public record Run(String runId, String dir, String suiteName, String suiteVersion, String suiteHash,
                      List<String> agents, int plannedEpisodes, int auditedEpisodes, Map<String, String> parameters) {}

    /**
     * One agent of one run. Rates are over scored episodes (INFRA_FAILED excluded); {@code *Low95/*High95} are
     * Wilson 95% score intervals; {@code op/tr/fm} are means over episodes where the dimension was evaluable;
     * {@code leakageClean} is the share of scored episodes without a leakage penalty; {@code usage} sums the model
     * usage recorded in the evidence (empty when none).
     */
    public record Entry(int rank, String runId, String agent, String suiteName, String suiteVersion,
                        String suiteHash, int episodes, int scored, int infraFailed, int successes,
                        int privacyQualified, int withPrivacy, Double pqsr, Double pqsrLow95, Double pqsrHigh95,
                        Double successRate, Double successRateLow95, Double successRateHigh95, Double meanPrivacy,
                        Double op, Double tr, Double fm, Double leakageClean, Double laterSessionUse, int tasks,
                        String runDir, Map<String, Double> usage,
                        dev.discreet.auditors.PerProfile<dev.discreet.auditors.ProfileStats> profiles) {
        public String label() { return runId + " \u00b7 " + agent; }
    }

    /** The ranking order: PQSR, then SR, then mean privacy, each descending, missing values last. */
    public static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> key(e.pqsr())).thenComparing(e -> key(e.successRate()))
            .thenComparing(e -> key(e.meanPrivacy()));

    private static double key(Double v) { return v == null ? 1 : -v; }

    /**
     * Reads each run folder ({@code manifest.json} plus {@code results.json}, or the bundles' {@code audit.json}
     * for a run that has no results yet) and ranks its agents.
     *
     * @throws IllegalArgumentException when a folder is not a run or has no audited episode, or when the runs used
     *                                  different suite hashes and {@code allowMixedSuites} is false
     */
    public static Leaderboard of(List<Path> runDirs, boolean allowMixedSuites) {
        return of(runDirs, allowMixedSuites, false);
    }

    /**
     * Like {@link #of(List, boolean)}. An entry with unresolved infrastructure failures (INFRA_FAILED episodes, which
     * {@code --resume} reruns) has rates over fewer episodes than it ran, so it is refused unless
     * {@code allowInfraFailed}; then it is ranked with a warning naming it, and its unscored episodes are shown beside
     * its scores.
     *
     * @throws IllegalArgumentException as {@link #of(List, boolean)}, and when an entry has infra-failed episodes and
     *                                  {@code allowInfraFailed} is false
     */
    public static Leaderboard of(List<Path> runDirs, boolean allowMixedSuites, boolean allowInfraFailed) {
        if (runDirs == null || runDirs.isEmpty()) {
            throw new IllegalArgumentException("runDirs is empty: give at least one run folder (runs/<run-id>)");
        }
        List<Run> runs = new ArrayList<>();
        List<List<EpisodeAudit>> auditsOf = new ArrayList<>();
        List<Map<String, UsageTotals>> usageOf = new ArrayList<>();
        for (Path dir : runDirs) {
            RunManifest m = manifest(dir);
            List<EpisodeAudit> audits = audits(dir);
            Map<String, UsageTotals> usage = new TreeMap<>();
            for (Path b : Auditor.bundleDirs(dir)) {
                UsageTotals u = EpisodeData.readUsage(b);
                if (!u.isEmpty()) usage.put(b.getFileName().toString(), u);
            }
            List<String> agents = new ArrayList<>(new TreeSet<>(audits.stream()
                    .map(a -> Objects.requireNonNullElse(a.agent(), "(unknown)")).toList()));
            int planned = m.taskIds() == null || m.agents() == null ? audits.size()
                    : m.taskIds().size() * m.agents().size();
            String id = m.runId() == null ? dir.getFileName().toString() : m.runId();
            runs.add(new Run(id, dir.toString(), m.suiteName(), m.suiteVersion(), m.suiteHash(), agents, planned,
                    audits.size(), m.parameters() == null ? Map.of() : new TreeMap<>(m.parameters())));
            auditsOf.add(audits);
            usageOf.add(usage);
        }
        List<String> warnings = new ArrayList<>();
        Map<String, List<Run>> bySuite = new LinkedHashMap<>();
        for (Run r : runs) bySuite.computeIfAbsent(Objects.requireNonNullElse(r.suiteHash(), "(none)"), k -> new ArrayList<>()).add(r);
        boolean mixed = bySuite.size() > 1;
        if (mixed) {
            String list = runs.stream().map(r -> r.runId() + " (" + r.dir() + "): suite " + suiteText(r))
                    .collect(Collectors.joining("; "));
            if (!allowMixedSuites) {
                throw new IllegalArgumentException("cannot rank runs of different task suites together: " + list
                        + ". Compare runs of the same suite hash, or pass --allow-mixed-suites to rank them anyway "
                        + "(the ranking is then not like for like).");
            }
            warnings.add("Runs of different task suites are ranked together (allowed with --allow-mixed-suites): "
                    + list + ". Their numbers are not directly comparable.");
        }
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (Run r : runs) byId.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r.dir());
        byId.forEach((id, dirs) -> {
            if (dirs.size() > 1) {
                warnings.add("Run id " + id + " appears " + dirs.size() + " times (" + String.join(", ", dirs)
                        + "): copies of one run, or runs given the same --run-id; see the Runs table for folders.");
            }
        });
        for (Run r : runs) {
            if (r.auditedEpisodes() < r.plannedEpisodes()) {
                warnings.add("Run " + r.runId() + " has " + r.auditedEpisodes() + " of " + r.plannedEpisodes()
                        + " planned episodes audited (in progress or interrupted).");
            }
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, TreeSet<String>> taskSets = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            for (String agent : r.agents()) {
                List<EpisodeAudit> list = auditsOf.get(i).stream()
                        .filter(a -> agent.equals(Objects.requireNonNullElse(a.agent(), "(unknown)"))).toList();
                UsageTotals u = new UsageTotals();
                for (EpisodeAudit a : list) {
                    UsageTotals x = usageOf.get(i).get(a.episodeId());
                    if (x != null) u.add(x);
                }
                TreeSet<String> tasks = new TreeSet<>(list.stream().map(EpisodeAudit::taskId).toList());
                entries.add(entry(r, agent, list, tasks.size(), u));
                taskSets.put(r.runId() + " \u00b7 " + agent, tasks);
            }
        }
        if (new java.util.HashSet<>(taskSets.values()).size() > 1) {
            warnings.add("The entries ran different task sets: "
                    + taskSets.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size() + " tasks")
                    .collect(Collectors.joining(", ")) + ". Rates are over each entry's own tasks.");
        }
        List<Entry> unresolved = entries.stream().filter(e -> e.infraFailed() > 0).toList();
        if (!unresolved.isEmpty()) {
            String list = unresolved.stream().map(e -> e.label() + " (" + e.runDir() + "): " + e.infraFailed() + " of "
                    + e.episodes() + " episodes infra-failed, unscored").collect(Collectors.joining("; "));
            if (!allowInfraFailed) {
                throw new IllegalArgumentException("cannot rank entries with unresolved infrastructure failures: " + list
                        + ". Rerun them with `discreet run --resume --run-id <run-id>` (same agents and tasks), or pass "
                        + "--allow-infra-failed to rank them anyway (their rates are then over fewer episodes).");
            }
            warnings.add("Entries ranked with unresolved infrastructure failures (allowed with --allow-infra-failed): "
                    + list + ". Their rates are over their scored episodes only.");
        }
        entries.sort(ORDER.thenComparing(Entry::runId).thenComparing(Entry::agent));
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int rank = i == 0 ? 1 : ORDER.compare(entries.get(i - 1), e) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Entry(rank, e.runId(), e.agent(), e.suiteName(), e.suiteVersion(), e.suiteHash(),
                    e.episodes(), e.scored(), e.infraFailed(), e.successes(), e.privacyQualified(), e.withPrivacy(),
                    e.pqsr(), e.pqsrLow95(), e.pqsrHigh95(), e.successRate(), e.successRateLow95(),
                    e.successRateHigh95(), e.meanPrivacy(), e.op(), e.tr(), e.fm(), e.leakageClean(),
                    e.laterSessionUse(), e.tasks(), e.runDir(), e.usage(), e.profiles()));
        }
        return new Leaderboard(ranked, runs, mixed, warnings);
    }

    private static String suiteText(Run r) {
        return (Objects.toString(r.suiteName(), "?") + " " + Objects.toString(r.suiteVersion(), "")).trim()
                + " hash " + Objects.toString(r.suiteHash(), "(none)");
    }

    private static Entry entry(Run r, String agent, List<EpisodeAudit> list, int tasks, UsageTotals usage) {
        Summary s = Auditor.summarise(list);
        Breakdowns bd = Breakdowns.of(list, Map.of());
        Map<String, Double> probe = new TreeMap<>();
        for (Breakdowns.ProbeRow p : bd.probes(Breakdowns.ALL_AGENTS)) {
            if (p.score() != null) probe.put(p.probe(), p.score());
        }
        dev.discreet.auditors.ProfileStats m = s.profile(dev.discreet.auditors.ScoringProfile.MYPHONEBENCH);
        int withPrivacy = m.withPrivacy();
        double[] pq = wilson(m.privacyQualified(), m.rated());
        double[] sr = wilson(m.successes(), m.rated());
        return new Entry(0, r.runId(), agent, r.suiteName(), r.suiteVersion(), r.suiteHash(), s.episodes(),
                s.scored(), s.infraFailed(), s.successes(), s.privacyQualified(), withPrivacy, s.pqsr(),
                pq == null ? null : pq[0], pq == null ? null : pq[1], s.successRate(), sr == null ? null : sr[0],
                sr == null ? null : sr[1], s.meanPrivacy(), probe.get("op"), probe.get("tr"), probe.get("fm"),
                probe.get("leakage"), s.laterSessionUse(), tasks, r.dir(), usage.totals(), s.profiles());
    }

    /** Wilson 95% score interval of k successes in n trials; null when n is 0 (defined in the auditors). */
    static double[] wilson(int k, int n) {
        return dev.discreet.auditors.Intervals.wilson95(k, n);
    }

    private static RunManifest manifest(Path dir) {
        Path f = dir.resolve(EvidenceFiles.MANIFEST);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(dir + " is not a run folder (no " + EvidenceFiles.MANIFEST
                    + "); give folders like runs/<run-id>");
        }
        try {
            return Json.mapper().readValue(f.toFile(), RunManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static List<EpisodeAudit> audits(Path dir) {
        Path results = dir.resolve(ResultsWriter.RESULTS_JSON);
        List<EpisodeAudit> audits = new ArrayList<>();
        if (Files.isRegularFile(results)) {
            try {
                audits.addAll(ResultsWriter.read(results).episodes());
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException(e.getMessage() + " (re-create it with `discreet audit " + dir + "`)", e);
            }
        } else {
            for (Path b : Auditor.bundleDirs(dir)) {
                Path a = b.resolve(EvidenceFiles.AUDIT);
                if (Files.isRegularFile(a)) audits.add(Auditor.readAudit(a));
            }
        }
        if (audits.isEmpty()) {
            throw new IllegalArgumentException(dir + " has no audited episode (no " + ResultsWriter.RESULTS_JSON
                    + " and no episodes/*/" + EvidenceFiles.AUDIT + "); run `discreet audit " + dir + "` first");
        }
        return audits;
    }

    /**
     * Writes {@code html} (self-contained), and {@code leaderboard.json} / {@code .csv} next to it (same base name);
     * returns the HTML path.
     */
    public Path write(Path html) {
        Path h = html.toAbsolutePath().normalize();
        String name = h.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".html") ? name.substring(0, name.length() - 5) : name;
        try {
            if (h.getParent() != null) Files.createDirectories(h.getParent());
            ResultsWriter.writeAtomically(h.resolveSibling(base + ".json"), Json.pretty(this) + "\n");
            ResultsWriter.writeAtomically(h.resolveSibling(base + ".csv"), csv());
            ResultsWriter.writeAtomically(h, html());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the leaderboard to " + h, e);
        }
        return h;
    }

    /** leaderboard.csv: one row per entry, in rank order. */
    public String csv() {
        StringBuilder b = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
        for (Entry e : entries) {
            b.append(java.util.stream.Stream.of(e.rank(), e.runId(), e.agent(), e.suiteName(), e.suiteVersion(),
                    e.suiteHash(), e.episodes(), e.scored(), e.infraFailed(), e.successes(), e.privacyQualified(),
                    e.withPrivacy(), Csv.num(e.pqsr()), Csv.num(e.pqsrLow95()), Csv.num(e.pqsrHigh95()),
                    Csv.num(e.successRate()), Csv.num(e.successRateLow95()), Csv.num(e.successRateHigh95()),
                    Csv.num(e.meanPrivacy()), Csv.num(e.op()), Csv.num(e.tr()), Csv.num(e.fm()),
                    Csv.num(e.leakageClean()), Csv.num(e.laterSessionUse()), e.tasks(), e.runDir(),
                    strict(e).rated(), strict(e).privacyQualified(), strict(e).withPrivacy(), Csv.num(strict(e).pqsr()),
                    Csv.num(strict(e).successRate()), Csv.num(strict(e).meanPrivacy()),
                    Csv.num(strict(e).laterSessionUse()))
                    .map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return b.toString();
    }

    private static dev.discreet.auditors.ProfileStats strict(Entry e) {
        return e.profiles().get(dev.discreet.auditors.ScoringProfile.STRICT);
    }

    private static dev.discreet.auditors.ProfileStats anchor(Entry e) {
        return e.profiles().get(dev.discreet.auditors.ScoringProfile.MYPHONEBENCH);
    }

    /** leaderboard.html: one self-contained page (inline CSS and SVG). */
    public String html() {
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>discreet leaderboard</title>\n<style>\n").append(Css.BASE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>discreet leaderboard</h1>\n<dl class=\"meta\">\n")
                .append("<dt>Runs</dt><dd>").append(runs.size()).append("</dd>\n<dt>Entries</dt><dd>")
                .append(entries.size()).append("</dd>\n<dt>Suites</dt><dd>")
                .append(Html.escape(runs.stream().map(r -> Objects.toString(r.suiteHash(), "(none)"))
                        .distinct().collect(Collectors.joining(", ")))).append("</dd>\n</dl>\n</header>\n<main>\n");
        for (String w : warnings) b.append("<div class=\"banner").append(mixedSuites && w.startsWith("Runs of different")
                ? " bad" : "").append("\">").append(Html.escape(w)).append("</div>\n");
        b.append("<p class=\"note\">Ranked by PQSR@0.7 (success with privacy \u2265 0.7), then SR, then mean privacy; "
                + "entries equal on all three share a rank, all under the <b>myphonebench</b> profile (MyPhoneBench's rules, so "
                + "the numbers stand beside its table: SR and PQSR over the tasks outside cross-session pairs, privacy over "
                + "the episodes it could evaluate). The <b>strict</b> columns score the same evidence by our stricter "
                + "rules. Rates exclude infra-failed episodes; brackets give the Wilson 95% interval. One entry per agent "
                + "of each run.</p>\n");
        boolean anyUsage = entries.stream().anyMatch(e -> !e.usage().isEmpty());
        b.append("<table class=\"leaderboard\">\n<thead><tr><th>Rank</th><th>Run \u00b7 agent</th><th>Suite</th>"
                + "<th>PQSR@0.7</th><th>SR</th><th>Mean privacy</th><th>OP</th><th>TR</th><th>FM</th>"
                + "<th>Leakage-free</th><th>Later-session</th><th>PQSR strict</th><th>Privacy strict</th>"
                + "<th>Tasks</th><th>Infra-failed</th>")
                .append(anyUsage ? "<th>UsageTotals</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (Entry e : entries) {
            b.append("<tr><td class=\"num\"><b>").append(e.rank()).append("</b></td><td>").append(Html.escape(e.label()))
                    .append("</td><td><code style=\"white-space:nowrap\">").append(Html.escape(e.suiteHash() == null ? "(none)"
                            : e.suiteHash().length() > 12 ? e.suiteHash().substring(0, 12) : e.suiteHash()))
                    .append("</code></td>")
                    .append(rate(e.pqsr(), e.privacyQualified() + "/" + anchor(e).rated() + unscored(e), e.pqsrLow95(), e.pqsrHigh95()))
                    .append(rate(e.successRate(), e.successes() + "/" + anchor(e).rated() + unscored(e), e.successRateLow95(), e.successRateHigh95()))
                    .append(rate(e.meanPrivacy(), "over " + e.withPrivacy() + " of " + anchor(e).rated(), null, null))
                    .append(score(e.op())).append(score(e.tr())).append(score(e.fm()))
                    .append(rate(e.leakageClean(), "", null, null)).append(rate(e.laterSessionUse(), "", null, null))
                    .append(rate(strict(e).pqsr(), strict(e).privacyQualified() + "/" + strict(e).rated(), null, null))
                    .append(rate(strict(e).meanPrivacy(), "over " + strict(e).withPrivacy() + " of " + strict(e).rated(),
                            null, null))
                    .append("<td class=\"num\">").append(e.tasks()).append("</td><td class=\"num\">").append(e.infraFailed())
                    .append("</td>");
            if (anyUsage) {
                b.append("<td class=\"dim\">");
                e.usage().forEach((k, v) -> b.append(Html.escape(k)).append(' ').append(Fmt.num(v)).append("<br>"));
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n<div class=\"charts\">\n<figure class=\"chart\">\n");
        Double[][] v = new Double[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            v[i] = new Double[] {e.pqsr(), e.successRate(), e.meanPrivacy()};
        }
        b.append(Svg.bars("PQSR, SR and privacy per entry", entries.stream().map(e -> "#" + e.rank() + " " + e.agent()).toList(),
                List.of("PQSR@0.7", "SR", "privacy"), v, null));
        b.append("<figcaption>PQSR@0.7, SR and mean privacy per entry, in rank order.</figcaption>\n</figure>\n</div>\n");
        b.append("<h2>Runs</h2>\n<table class=\"runs\">\n<thead><tr><th>Run</th><th>Folder</th><th>Suite</th>"
                + "<th>Suite hash</th><th>Agents</th><th>Episodes audited</th><th>Parameters</th></tr></thead>\n<tbody>\n");
        for (Run r : runs) {
            b.append("<tr><td>").append(Html.escape(r.runId())).append("</td><td><code>").append(Html.escape(r.dir()))
                    .append("</code></td><td>").append(Html.escape((Objects.toString(r.suiteName(), "") + " "
                            + Objects.toString(r.suiteVersion(), "")).trim())).append("</td><td><code>")
                    .append(Html.escape(Objects.toString(r.suiteHash(), "(none)"))).append("</code></td><td>")
                    .append(Html.escape(String.join(", ", r.agents()))).append("</td><td class=\"num\">")
                    .append(r.auditedEpisodes()).append(" / ").append(r.plannedEpisodes()).append("</td><td>")
                    .append(Html.escape(r.parameters().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                            .collect(Collectors.joining(", ")))).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</main>\n<footer>Generated by discreet from each run's results; the same numbers "
                + "are in the .json and .csv files next to this page.</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    /** Beside a rate: the entry's episodes left out of it because the infrastructure failed. */
    private static String unscored(Entry e) {
        return e.infraFailed() == 0 ? "" : " (+" + e.infraFailed() + " unscored)";
    }

    private static String rate(Double v, String count, Double lo, Double hi) {
        StringBuilder s = new StringBuilder("<td class=\"score ").append(Fmt.colour(v)).append("\">").append(Fmt.pct(v));
        if (!count.isEmpty()) s.append(" <span class=\"cnt\">").append(Html.escape(count)).append("</span>");
        if (lo != null && hi != null) {
            s.append("<div class=\"cnt\">[").append(Fmt.pct(lo)).append(", ").append(Fmt.pct(hi)).append("]</div>");
        }
        return s.append("</td>").toString();
    }

    private static String score(Double v) {
        return "<td class=\"score " + Fmt.colour(v) + "\">" + Fmt.score(v) + "</td>";
    }
}
