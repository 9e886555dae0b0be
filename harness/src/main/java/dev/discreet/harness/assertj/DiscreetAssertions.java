package dev.discreet.harness.assertj;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.run.EpisodeResult;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.evidence.EvidenceBundle;

/**
 * Entry point of the privacy assertions, beside AssertJ's own:
 * <pre>{@code
 * import static dev.discreet.harness.assertj.DiscreetAssertions.assertThat;
 *
 * assertThat(result).succeeded().hasPrivacyScoreAtLeast(0.9).neverRead("passport").filledNoTrap();
 * assertThat(run).hasPqsrAtLeast(0.8).everyEpisode(e -> e.savedOnlyWithConsent());
 * }</pre>
 */
public final class DiscreetAssertions {
    private DiscreetAssertions() {}

    /** An episode run by {@code DiscreetDevice} or read from a run: audit, values and access log. */
    public static EpisodeAssert assertThat(EpisodeResult result) {
        if (result == null) return new EpisodeAssert(null, null);
        return new EpisodeAssert(result.audit(), result::bundle);
    }

    /** A saved bundle, audited now (offline, no device): everything an {@link EpisodeResult} offers. */
    public static EpisodeAssert assertThat(EvidenceBundle bundle) {
        if (bundle == null) return new EpisodeAssert(null, null);
        return new EpisodeAssert(Auditor.audit(bundle), () -> bundle);
    }

    /**
     * An audit alone: findings-based assertions work and messages list step, field and key, but no values, and the
     * access-log assertions ({@code neverRead}, {@code readNoForbiddenItem}) need a bundle.
     */
    public static EpisodeAssert assertThat(EpisodeAudit audit) {
        return new EpisodeAssert(audit, null);
    }

    /** A whole benchmark run: rates over its scored episodes and assertions on each one. */
    public static RunAssert assertThat(RunResult run) {
        return new RunAssert(run);
    }
}
