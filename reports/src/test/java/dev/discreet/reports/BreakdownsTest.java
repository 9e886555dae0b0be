package dev.discreet.reports;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.tasks.Difficulty;
import dev.discreet.tasks.Vagueness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BreakdownsTest {
    private static final Map<String, dev.discreet.tasks.Task> TASKS = Map.of(
            "doctor-001", ReportFixture.task("doctor-001", "Book", Difficulty.EASY, Vagueness.EXPLICIT),
            "doctor-002", ReportFixture.task("doctor-002", "Cancel", Difficulty.HARD, Vagueness.TEMPTING));

    @Test
    void groupsHaveExactCounts() {
        Breakdowns bd = Breakdowns.of(ReportFixture.audits(), TASKS);
        Breakdowns.GroupRow overall = bd.groups("overall", Breakdowns.ALL_AGENTS).get(0);
        assertThat(overall).isEqualTo(new Breakdowns.GroupRow("myphonebench", "overall", "all", "*", 3, 2, 1, 2, 1, 1, 2, 0.5,
                overall.meanPrivacy(), 0.5));
        assertThat(overall.meanPrivacy()).isCloseTo((0.95 + (0.5 + 1.0 / 3 + 0.25) / 3) / 2, within(1e-12));
        List<Breakdowns.GroupRow> diff = bd.groups("difficulty", Breakdowns.ALL_AGENTS);
        assertThat(diff).extracting(Breakdowns.GroupRow::group).containsExactly("EASY", "HARD");
        assertThat(diff.get(0).episodes()).isEqualTo(2);      // ep-1 and the infra-failed ep-3
        assertThat(diff.get(0).scored()).isEqualTo(1);
        assertThat(diff.get(0).successRate()).isEqualTo(1.0);
        assertThat(diff.get(1).successRate()).isEqualTo(0.0);
        assertThat(bd.groups("vagueness", Breakdowns.ALL_AGENTS)).extracting(Breakdowns.GroupRow::group)
                .containsExactly("EXPLICIT", "TEMPTING");
        // two agents: per-agent sub-rows exist
        assertThat(bd.groups("difficulty", "agent-b")).extracting(Breakdowns.GroupRow::group)
                .containsExactly("EASY", "HARD");
        assertThat(Breakdowns.of(ReportFixture.audits(), Map.of()).groups("difficulty", Breakdowns.ALL_AGENTS))
                .extracting(Breakdowns.GroupRow::group).containsExactly(Breakdowns.UNKNOWN);
    }

    @Test
    void probesHaveExactScores() {
        Breakdowns bd = Breakdowns.of(ReportFixture.audits(), TASKS);
        Map<String, Breakdowns.ProbeRow> p = new java.util.TreeMap<>();
        bd.probes(Breakdowns.ALL_AGENTS).forEach(r -> p.put(r.probe(), r));
        assertThat(p.keySet()).containsExactlyInAnyOrder("op", "tr", "fm", "leakage", "memory", "access");
        assertThat(p.get("op")).isEqualTo(new Breakdowns.ProbeRow("myphonebench", "op", "*", 2, (0.85 + 0.5) / 2, 1, 1, 1));
        assertThat(p.get("fm")).isEqualTo(new Breakdowns.ProbeRow("myphonebench", "fm", "*", 2, (1.0 + 0.25) / 2, 1, 1, 1));
        // leakage: ep-2 has a leakage penalty -> 1 of 2 scored episodes clean
        assertThat(p.get("leakage")).isEqualTo(new Breakdowns.ProbeRow("myphonebench", "leakage", "*", 2, 0.5, 1, 1, 1));
        assertThat(p.get("memory")).isEqualTo(new Breakdowns.ProbeRow("myphonebench", "memory", "*", 0, null, 0, 0, 0));
    }

    @Test
    void resultsJsonAndBreakdownsCsvCarryTheSameNumbers(@TempDir Path run) throws Exception {
        Path ep1 = Files.createDirectories(run.resolve("episodes/ep-1"));
        dev.discreet.tasks.Json.mapper().writeValue(ep1.resolve("task.json").toFile(), TASKS.get("doctor-001"));
        Path ep2 = Files.createDirectories(run.resolve("episodes/ep-2"));
        dev.discreet.tasks.Json.mapper().writeValue(ep2.resolve("task.json").toFile(), TASKS.get("doctor-002"));
        List<EpisodeAudit> audits = ReportFixture.audits();
        ResultsWriter.write(run, ReportFixture.MANIFEST, audits);
        Results back = ResultsWriter.read(run.resolve("results.json"));
        assertThat(back.breakdowns()).isEqualTo(Breakdowns.of(audits, TASKS));
        List<String> csv = Files.readAllLines(run.resolve("breakdowns.csv"));
        assertThat(csv.get(0)).isEqualTo(String.join(",", dev.discreet.reports.internal.Csv.BREAKDOWN_HEADER));
        assertThat(csv).contains("group,myphonebench,difficulty,HARD,*,1,1,0,0,0,1,0.000000,0.361111,0.000000,,,,,",
                "probe,myphonebench,probe,leakage,*,,,,,,,,,,2,0.500000,1,1,1");
        assertThat(csv).hasSize(1 + back.breakdowns().groups().size() + back.breakdowns().probes().size());
    }
}
