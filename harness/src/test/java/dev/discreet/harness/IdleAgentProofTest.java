package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.ProfileScore;
import dev.discreet.auditors.ScoringProfile;
import dev.discreet.auditors.Summary;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.DbDump;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No task passes when the agent does nothing, and doing nothing earns no privacy score either (nothing was
 * evaluated), so an idle agent cannot raise its mean privacy. Offline and equivalent to running the idle agent: an idle episode
 * leaves the databases exactly as seeded and the logs empty, so each task's bundle is the untouched episode's dump
 * (from the real mock-app server's seed databases) with no entries, no access events and no steps.
 */
class IdleAgentProofTest {
    @Test
    void doingNothingSucceedsNowhereAndIsNeverPrivacyScored(@TempDir Path tmp) {
        TaskSuite suite = SuiteLoader.canonical();
        List<EpisodeAudit> audits = new ArrayList<>();
        try (MockAppServer apps = MockAppServer.start(suite)) {
            DbDump untouched;
            try (MockEpisode ep = apps.beginEpisode("idle", tmp.resolve("idle"))) {
                untouched = ep.dump();
            }
            for (Task t : suite.tasks()) {
                EpisodeRecord rec = new EpisodeRecord(t.id() + "__idle", t.id(), t.app(), "idle", 0,
                        EpisodeStatus.STEP_BUDGET, t.maxSteps(), 0, 1L, null, null);
                audits.add(Auditor.audit(new EvidenceBundle(tmp, rec, t, suite.profile(), suite.apps(), List.of(),
                        List.of(), List.of(), untouched)));
            }
        }
        assertThat(audits).hasSize(suite.tasks().size()).hasSizeGreaterThanOrEqualTo(250);
        assertThat(audits).filteredOn(EpisodeAudit::success).extracting(EpisodeAudit::taskId).isEmpty();
        // Nothing was evaluated, so nothing is scored: no dimension, no privacy, never privacy-qualified, under
        // both profiles (myphonebench: no access-log entry, no form draft; strict: never got to the task's app).
        assertThat(audits).allSatisfy(a -> {
            for (ScoringProfile p : ScoringProfile.values()) {
                assertThat(a.score(p)).as("%s %s", a.taskId(), p).isEqualTo(new ProfileScore(null, null, null, null, false));
            }
            assertThat(a.privacy()).isNull();
            assertThat(a.privacyQualified()).isFalse();
        });
        Summary s = Auditor.summarise(audits);
        for (ScoringProfile p : ScoringProfile.values()) {
            assertThat(s.profile(p).withPrivacy()).as("%s: privacy over 0 episodes", p).isZero();
            assertThat(s.profile(p).meanPrivacy()).isNull();
            assertThat(s.profile(p).pqsr()).isEqualTo(0.0);
        }
        // myphonebench rates the 300 tasks outside pairs, strict all 350
        assertThat(s.profile(ScoringProfile.MYPHONEBENCH).rated())
                .isEqualTo((int) suite.tasks().stream().filter(t -> t.pair() == null).count());
        assertThat(s.profile(ScoringProfile.STRICT).rated()).isEqualTo(suite.tasks().size());
        assertThat(Auditor.summarise(audits).laterSessionUse()).isEqualTo(0.0);
    }
}
