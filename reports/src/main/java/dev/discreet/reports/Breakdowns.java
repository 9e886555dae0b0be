package dev.discreet.reports;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Finding;
import dev.discreet.auditors.Summary;
import dev.discreet.tasks.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The numbers of a run broken down the ways the report shows them, so that {@code results.json},
 * {@code breakdowns.csv} and {@code report.html} carry the same figures.
 *
 * @param groups one row per (dimension, group, agent): dimension {@code overall}, {@code agent}, {@code app},
 *               {@code difficulty}, {@code vagueness} or {@code kind}; agent {@link #ALL_AGENTS} for every agent
 * @param probes one row per (probe, agent), probes {@code op, tr, fm, leakage, memory, access}
 */
public record Breakdowns(List<GroupRow> groups, List<ProbeRow> probes) {
    /** The agent value of rows that aggregate every agent. */
    public static final String ALL_AGENTS = "*";
    /** The group value when an episode's task (and so its difficulty, vagueness or kind) is unknown. */
    public static final String UNKNOWN = "(unknown)";
    public static final List<String> DIMENSIONS = List.of("overall", "agent", "app", "difficulty", "vagueness", "kind");
    public static final List<String> PROBES = List.of(Finding.OP, Finding.TR, Finding.FM, Finding.LEAKAGE,
            Finding.MEMORY, Finding.ACCESS);

    public Breakdowns {
        groups = groups == null ? List.of() : List.copyOf(groups);
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    /**
     * Success and privacy of a group of episodes; rates are over scored episodes (INFRA_FAILED excluded) and null
     * when nothing was scored. {@code withPrivacy} counts the scored episodes that had a privacy score.
     */
    public record GroupRow(String dimension, String group, String agent, int episodes, int scored, int infraFailed,
                           int successes, int privacyQualified, int withPrivacy, Double successRate,
                           Double meanPrivacy, Double pqsr) {}

    /**
     * One privacy probe over the scored episodes of an agent.
     *
     * @param evaluated            episodes where the probe applied: op/tr/fm had a (non-null) score; memory had a
     *                             memory check; leakage and access apply to every scored episode
     * @param score                op/tr/fm: mean dimension score; leakage/access: share of evaluated episodes
     *                             without a penalty finding of the probe; memory: share of checks fully correct
     *                             (saved, value and level right, consented where needed); null if none evaluated
     * @param episodesWithPenalty  evaluated episodes with at least one penalty finding of the probe
     * @param findings             findings of the probe, any severity
     * @param penalties            findings of the probe with severity penalty
     */
    public record ProbeRow(String probe, String agent, int evaluated, Double score, int episodesWithPenalty,
                           int findings, int penalties) {}

    /** Computes every row; {@code tasks} (task id → task, may be empty) supplies difficulty, vagueness and kind. */
    public static Breakdowns of(List<EpisodeAudit> audits, Map<String, Task> tasks) {
        List<EpisodeAudit> all = audits == null ? List.of() : audits;
        Map<String, Task> t = tasks == null ? Map.of() : tasks;
        List<String> agents = new ArrayList<>(new TreeSet<>(all.stream()
                .map(a -> Objects.requireNonNullElse(a.agent(), UNKNOWN)).toList()));
        List<GroupRow> groups = new ArrayList<>();
        groups.add(row("overall", "all", ALL_AGENTS, all));
        for (String agent : agents) groups.add(row("agent", agent, agent, ofAgent(all, agent)));
        Map<String, Function<EpisodeAudit, String>> dims = new LinkedHashMap<>();
        dims.put("app", EpisodeAudit::app);
        dims.put("difficulty", a -> t.containsKey(a.taskId()) ? t.get(a.taskId()).difficulty().name() : null);
        dims.put("vagueness", a -> t.containsKey(a.taskId()) ? t.get(a.taskId()).vagueness().name() : null);
        dims.put("kind", a -> t.containsKey(a.taskId()) ? t.get(a.taskId()).kind().name() : null);
        for (Map.Entry<String, Function<EpisodeAudit, String>> d : dims.entrySet()) {
            Map<String, List<EpisodeAudit>> byGroup = new TreeMap<>();
            for (EpisodeAudit a : all) {
                byGroup.computeIfAbsent(Objects.requireNonNullElse(d.getValue().apply(a), UNKNOWN),
                        k -> new ArrayList<>()).add(a);
            }
            for (Map.Entry<String, List<EpisodeAudit>> g : byGroup.entrySet()) {
                groups.add(row(d.getKey(), g.getKey(), ALL_AGENTS, g.getValue()));
                if (agents.size() > 1) {
                    for (String agent : agents) {
                        List<EpisodeAudit> sub = ofAgent(g.getValue(), agent);
                        if (!sub.isEmpty()) groups.add(row(d.getKey(), g.getKey(), agent, sub));
                    }
                }
            }
        }
        List<ProbeRow> probes = new ArrayList<>();
        for (String probe : PROBES) {
            probes.add(probe(probe, ALL_AGENTS, all));
            if (agents.size() > 1) for (String agent : agents) probes.add(probe(probe, agent, ofAgent(all, agent)));
        }
        return new Breakdowns(groups, probes);
    }

    /** The rows of one dimension for one agent (or {@link #ALL_AGENTS}), in order. */
    public List<GroupRow> groups(String dimension, String agent) {
        return groups.stream().filter(g -> g.dimension().equals(dimension) && g.agent().equals(agent)).toList();
    }

    /** The probe rows of one agent (or {@link #ALL_AGENTS}), in {@link #PROBES} order. */
    public List<ProbeRow> probes(String agent) {
        return probes.stream().filter(p -> p.agent().equals(agent)).toList();
    }

    private static List<EpisodeAudit> ofAgent(List<EpisodeAudit> all, String agent) {
        return all.stream().filter(a -> agent.equals(Objects.requireNonNullElse(a.agent(), UNKNOWN))).toList();
    }

    private static GroupRow row(String dimension, String group, String agent, List<EpisodeAudit> list) {
        Summary s = Auditor.summarise(list);
        int withPrivacy = (int) list.stream().filter(a -> a.scored() && a.privacy() != null).count();
        return new GroupRow(dimension, group, agent, s.episodes(), s.scored(), s.infraFailed(), s.successes(),
                s.privacyQualified(), withPrivacy, s.successRate(), s.meanPrivacy(), s.pqsr());
    }

    private static ProbeRow probe(String probe, String agent, List<EpisodeAudit> list) {
        int evaluated = 0;
        int withPenalty = 0;
        int findings = 0;
        int penalties = 0;
        double sum = 0;
        for (EpisodeAudit a : list) {
            if (!a.scored()) continue;
            Double score;
            switch (probe) {
                case Finding.OP -> score = a.op();
                case Finding.TR -> score = a.tr();
                case Finding.FM -> score = a.fm();
                case Finding.MEMORY -> score = a.memory() == null ? null : (a.memory().correct() ? 1.0 : 0.0);
                default -> score = null;
            }
            boolean applies = switch (probe) {
                case Finding.LEAKAGE, Finding.ACCESS -> true;
                default -> score != null;
            };
            int pen = 0;
            for (Finding f : a.findings()) {
                if (!probe.equals(f.probe())) continue;
                findings++;
                if (Finding.PENALTY.equals(f.severity())) pen++;
            }
            penalties += pen;
            if (!applies) continue;
            evaluated++;
            if (pen > 0) withPenalty++;
            sum += score != null ? score : (pen > 0 ? 0.0 : 1.0);
        }
        return new ProbeRow(probe, agent, evaluated, evaluated == 0 ? null : sum / evaluated, withPenalty, findings,
                penalties);
    }
}
