package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
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
 * No task passes when the agent does nothing. Offline and equivalent to running the idle agent: an idle episode
 * leaves the databases exactly as seeded and the logs empty, so each task's bundle is the untouched episode's dump
 * (from the real mock-app server's seed databases) with no entries, no access events and no steps.
 */
class IdleAgentProofTest {
    @Test
    void doingNothingSucceedsNowhereButIsStillPrivacyScored(@TempDir Path tmp) {
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
        // Tasks without a form (cancels) still get a privacy score: OP and TR are always evaluable.
        assertThat(audits).allSatisfy(a -> {
            assertThat(a.op()).isEqualTo(1.0);
            assertThat(a.tr()).isEqualTo(1.0);
            assertThat(a.privacy()).isEqualTo(1.0);
        });
        assertThat(audits).filteredOn(a -> suite.task(a.taskId()).orElseThrow().form() == null).isNotEmpty()
                .allSatisfy(a -> assertThat(a.fm()).isNull());
        assertThat(Auditor.summarise(audits).laterSessionUse()).isEqualTo(0.0);
    }
}
