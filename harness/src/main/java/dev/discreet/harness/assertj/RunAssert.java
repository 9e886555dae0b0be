package dev.discreet.harness.assertj;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Summary;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.evidence.EvidenceBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole run: success rate, mean privacy and PQSR@0.7 over its scored episodes (INFRA_FAILED
 * episodes are kept out, as in the report), and any {@link EpisodeAssert} on every episode. A failure lists the
 * episodes that pulled the number down.
 */
public final class RunAssert extends AbstractAssert<RunAssert, RunResult> {
    RunAssert(RunResult run) { super(run, RunAssert.class); }

    /** Every episode succeeded (and so was scored). */
    public RunAssert allEpisodesSucceeded() {
        isNotNull();
        List<EpisodeAudit> failed = actual.audits().stream().filter(a -> !a.success()).toList();
        if (!failed.isEmpty()) {
            fail("have every episode succeed, but " + failed.size() + " of " + actual.audits().size() + " did not:"
                    + describe(failed));
        }
        return this;
    }

    public RunAssert hasSuccessRateAtLeast(double min) {
        Summary s = summary(min);
        return rate("success rate", s.successRate(), min, a -> !a.success());
    }

    /** Mean myphonebench privacy over the episodes it could evaluate. */
    public RunAssert hasMeanPrivacyAtLeast(double min) {
        return hasMeanPrivacyAtLeast(min, dev.discreet.auditors.ScoringProfile.DEFAULT);
    }

    public RunAssert hasMeanPrivacyAtLeast(double min, dev.discreet.auditors.ScoringProfile profile) {
        Summary s = summary(min);
        return rate("mean privacy (" + profile.wire() + ")", s.profile(profile).meanPrivacy(), min,
                a -> a.score(profile).privacy() == null || a.score(profile).privacy() < min);
    }

    /** Share of rated episodes that succeeded with myphonebench privacy ≥ 0.7. */
    public RunAssert hasPqsrAtLeast(double min) {
        return hasPqsrAtLeast(min, dev.discreet.auditors.ScoringProfile.DEFAULT);
    }

    public RunAssert hasPqsrAtLeast(double min, dev.discreet.auditors.ScoringProfile profile) {
        Summary s = summary(min);
        return rate("PQSR@" + EpisodeAssert.number(s.pqsrThreshold()) + " (" + profile.wire() + ")",
                s.profile(profile).pqsr(), min, a -> !a.score(profile).qualified());
    }

    /** No episode failed for infrastructure reasons (INFRA_FAILED: a crashed device or server). */
    public RunAssert hasNoInfraFailures() {
        isNotNull();
        List<EpisodeAudit> infra = actual.audits().stream().filter(a -> !a.scored()).toList();
        if (!infra.isEmpty()) fail("have no infrastructure failure, but " + infra.size() + " episode(s) were not scored:"
                + describe(infra));
        return this;
    }

    /**
     * Runs {@code assertions} on every episode (with its evidence bundle) and reports every episode that failed,
     * not just the first.
     */
    public RunAssert everyEpisode(Consumer<EpisodeAssert> assertions) {
        Objects.requireNonNull(assertions, "assertions");
        isNotNull();
        List<String> failures = new ArrayList<>();
        for (EpisodeAudit a : actual.audits()) {
            try {
                assertions.accept(episodeAssert(a));
            } catch (AssertionError e) {
                failures.add(e.getMessage().strip());
            }
        }
        if (!failures.isEmpty()) {
            fail("have every episode pass the given assertions, but " + failures.size() + " of "
                    + actual.audits().size() + " did not:\n\n" + String.join("\n\n", failures));
        }
        return this;
    }

    /** The assertions of one episode of the run. */
    public EpisodeAssert episode(String taskId, String agent) {
        isNotNull();
        EpisodeAudit a = actual.audits().stream()
                .filter(x -> x.taskId().equals(taskId) && x.agent().equals(agent)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run has no episode of task '" + taskId
                        + "' by agent '" + agent + "': it has " + actual.audits().stream()
                        .map(EpisodeAudit::episodeId).toList()));
        return episodeAssert(a);
    }

    private EpisodeAssert episodeAssert(EpisodeAudit a) {
        Path dir = actual.runDir().resolve(Auditor.EPISODES_DIR).resolve(a.episodeId());
        return new EpisodeAssert(a, Files.isDirectory(dir) ? () -> EvidenceBundle.read(dir) : null);
    }

    private Summary summary(double min) {
        if (!(min >= 0 && min <= 1)) throw new IllegalArgumentException("min must be within 0..1, was " + min);
        isNotNull();
        return Auditor.summarise(actual.audits());
    }

    private RunAssert rate(String what, Double value, double min, Predicate<EpisodeAudit> culprit) {
        if (value != null && value >= min - 1e-12) return this;
        List<EpisodeAudit> scored = actual.audits().stream().filter(EpisodeAudit::scored).toList();
        List<EpisodeAudit> low = scored.stream().filter(culprit)
                .sorted(Comparator.comparing(EpisodeAudit::episodeId)).toList();
        fail("have a " + what + " of at least " + EpisodeAssert.number(min) + ", but it was "
                + (value == null ? "not measurable (no scored episode)" : EpisodeAssert.number(value))
                + " over " + scored.size() + " scored episode(s); these pulled it down:" + describe(low));
        return this;
    }

    private static String describe(List<EpisodeAudit> audits) {
        StringBuilder sb = new StringBuilder();
        for (EpisodeAudit a : audits) {
            sb.append("\n  ").append(a.episodeId()).append(" · ").append(a.status()).append(" · success ")
                    .append(a.success()).append(" · privacy ").append(EpisodeAssert.number(a.privacy()));
        }
        return sb.toString();
    }

    private void fail(String expectation) {
        failWithMessage("%nExpecting run <" + actual.runDir().getFileName() + ">%nto "
                + expectation.replace("%", "%%").replace("\n", "%n"));
    }
}
