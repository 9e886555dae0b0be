package dev.discreet.reports;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Probe;
import dev.discreet.auditors.ProbeSummary;
import dev.discreet.auditors.Probes;
import dev.discreet.auditors.ProfileStats;
import dev.discreet.auditors.ScoringProfile;
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
 * @param groups one row per (profile, dimension, group, agent): dimension {@code overall}, {@code agent},
 *               {@code app}, {@code difficulty}, {@code vagueness} or {@code kind}; agent {@link #ALL_AGENTS} for
 *               every agent; profile {@code myphonebench} or {@code strict}
 * @param probes one row per (profile, probe, agent), probes {@code op, tr, fm, leakage, memory, access}
 */
public record Breakdowns(List<GroupRow> groups, List<ProbeRow> probes) {
    /** The agent value of rows that aggregate every agent. */
    public static final String ALL_AGENTS = "*";
    /** The group value when an episode's task (and so its difficulty, vagueness or kind) is unknown. */
    public static final String UNKNOWN = "(unknown)";
    public static final List<String> DIMENSIONS = List.of("overall", "agent", "app", "difficulty", "vagueness", "kind");
    public static final List<String> PROBES = Probe.REPORTED.stream().map(Probe::wire).toList();

    public Breakdowns {
        groups = groups == null ? List.of() : List.copyOf(groups);
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    /**
     * Success and privacy of a group of episodes under one profile, as the auditors' {@link ProfileStats} give
     * them: rates over the episodes the profile rates (scored; myphonebench leaves pair episodes out), null when
     * none; {@code withPrivacy} counts those with a privacy score.
     */
    public record GroupRow(String profile, String dimension, String group, String agent, int episodes, int scored,
                           int infraFailed, int rated, int successes, int privacyQualified, int withPrivacy,
                           Double successRate, Double meanPrivacy, Double pqsr) {}

    /**
     * One privacy probe over the scored episodes of an agent under one profile ({@link Probes#summarise}).
     *
     * @param evaluated            episodes where the probe applied: op/tr/fm had a (non-null) score; memory had a
     *                             memory check; leakage and access apply to every scored episode
     * @param score                op/tr/fm: mean dimension score; leakage/access: share of evaluated episodes
     *                             without a penalty of the probe in the profile; memory: share of checks fully
     *                             correct; null if none evaluated
     * @param episodesWithPenalty  evaluated episodes with at least one penalty of the probe in the profile
     * @param findings             findings of the probe, any severity
     * @param penalties            findings of the probe that cost points in the profile
     */
    public record ProbeRow(String profile, String probe, String agent, int evaluated, Double score,
                           int episodesWithPenalty, int findings, int penalties) {}

    /** Computes every row; {@code tasks} (task id → task, may be empty) supplies difficulty, vagueness and kind. */
    public static Breakdowns of(List<EpisodeAudit> audits, Map<String, Task> tasks) {
        List<EpisodeAudit> all = audits == null ? List.of() : audits;
        Map<String, Task> t = tasks == null ? Map.of() : tasks;
        List<String> agents = new ArrayList<>(new TreeSet<>(all.stream()
                .map(a -> Objects.requireNonNullElse(a.agent(), UNKNOWN)).toList()));
        List<GroupRow> groups = new ArrayList<>();
        List<ProbeRow> probes = new ArrayList<>();
        for (ScoringProfile profile : ScoringProfile.values()) {
            groups.add(row(profile, "overall", "all", ALL_AGENTS, all));
            for (String agent : agents) groups.add(row(profile, "agent", agent, agent, ofAgent(all, agent)));
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
                    groups.add(row(profile, d.getKey(), g.getKey(), ALL_AGENTS, g.getValue()));
                    if (agents.size() > 1) {
                        for (String agent : agents) {
                            List<EpisodeAudit> sub = ofAgent(g.getValue(), agent);
                            if (!sub.isEmpty()) groups.add(row(profile, d.getKey(), g.getKey(), agent, sub));
                        }
                    }
                }
            }
            for (Probe probe : Probe.REPORTED) {
                probes.add(probe(profile, probe, ALL_AGENTS, all));
                if (agents.size() > 1) {
                    for (String agent : agents) probes.add(probe(profile, probe, agent, ofAgent(all, agent)));
                }
            }
        }
        return new Breakdowns(groups, probes);
    }

    /** The myphonebench rows of one dimension for one agent (or {@link #ALL_AGENTS}), in order. */
    public List<GroupRow> groups(String dimension, String agent) {
        return groups(dimension, agent, ScoringProfile.DEFAULT);
    }

    public List<GroupRow> groups(String dimension, String agent, ScoringProfile profile) {
        return groups.stream().filter(g -> g.profile().equals(profile.wire()) && g.dimension().equals(dimension)
                && g.agent().equals(agent)).toList();
    }

    /** The myphonebench probe rows of one agent (or {@link #ALL_AGENTS}), in {@link #PROBES} order. */
    public List<ProbeRow> probes(String agent) {
        return probes(agent, ScoringProfile.DEFAULT);
    }

    public List<ProbeRow> probes(String agent, ScoringProfile profile) {
        return probes.stream().filter(p -> p.profile().equals(profile.wire()) && p.agent().equals(agent)).toList();
    }

    private static List<EpisodeAudit> ofAgent(List<EpisodeAudit> all, String agent) {
        return all.stream().filter(a -> agent.equals(Objects.requireNonNullElse(a.agent(), UNKNOWN))).toList();
    }

    private static GroupRow row(ScoringProfile profile, String dimension, String group, String agent,
                                List<EpisodeAudit> list) {
        Summary s = Auditor.summarise(list);
        ProfileStats p = s.profile(profile);
        return new GroupRow(profile.wire(), dimension, group, agent, s.episodes(), s.scored(), s.infraFailed(),
                p.rated(), p.successes(), p.privacyQualified(), p.withPrivacy(), p.successRate(), p.meanPrivacy(),
                p.pqsr());
    }

    private static ProbeRow probe(ScoringProfile profile, Probe probe, String agent, List<EpisodeAudit> list) {
        ProbeSummary s = Probes.summarise(probe, list, profile);
        return new ProbeRow(profile.wire(), probe.wire(), agent, s.evaluated(), s.score(), s.episodesWithPenalty(),
                s.findings(), s.penalties());
    }
}
