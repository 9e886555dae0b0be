package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EntryEvent;
import dev.discreet.tasks.evidence.EvidenceBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every widget kind through the real Appium server and headless Chromium: a MediBook booking form of two pages
 * with sections, dropdowns, a date field (typed in one task, picked in the calendar in the other), a radio group,
 * a required checkbox, a pre-checked checkbox and a pre-set toggle, and the confirmation dialog before submit. The
 * reference agent operates them by touch and keys only, and every change is an entry event on record.
 */
@org.junit.jupiter.api.Tag("device") // real Appium + Chromium: integration-test phase (Failsafe)
class WidgetEndToEndTest {
    static final Path FIXTURE = Path.of("src/test/resources/widget-fixture");
    @TempDir
    static Path runs;
    static RunResult run;
    static TaskSuite suite;

    @BeforeAll
    static void runWidgetTasks() throws Exception {
        TaskSuite canonical = SuiteLoader.canonical();
        Map<String, AppSchema> apps = new LinkedHashMap<>(canonical.apps());
        apps.put("doctor", Json.mapper().readValue(FIXTURE.resolve("doctor.json").toFile(), AppSchema.class));
        List<Task> tasks;
        try (Stream<Path> s = Files.list(FIXTURE.resolve("tasks"))) {
            tasks = s.sorted().map(SuiteLoader::loadTask).toList();
        }
        suite = new TaskSuite(canonical.name() + "-widgets", canonical.version(), "widget-fixture", canonical.profile(),
                apps, tasks, canonical.catalogues());
        run = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(System.getProperty("dbg.runs") != null ? Path.of(System.getProperty("dbg.runs")) : runs).withRunId("widgets")
                .withAgents(List.of("reference")).withAppiumUrl(SharedAppium.url()))
                .onProgress(System.out::println)
                .run();
    }

    @Test
    void referenceAgentCompletesEveryWidgetTaskWithFullPrivacy() {
        assertThat(run.audits()).hasSize(2);
        for (EpisodeAudit a : run.audits()) {
            assertThat(a.success()).as("%s success, rules %s", a.taskId(), a.rules()).isTrue();
            assertThat(a.privacy()).as("%s privacy, findings %s", a.taskId(), a.findings()).isEqualTo(1.0);
            assertThat(a.invalidSteps()).as(a.taskId()).isZero();
        }
    }

    private static List<EntryEvent> inputs(String task, String field) {
        Path dir = run.runDir().resolve(Auditor.EPISODES_DIR).resolve(task + "__reference");
        return EvidenceBundle.read(dir).entries().stream()
                .filter(e -> e.field().equals(field) && e.kind().equals(EntryEvent.INPUT)).toList();
    }

    @Test
    void everyWidgetChangeIsAnEntryEventWithItsStep() {
        // Dropdown (chosen in its sheet), typed date, radio, required checkbox, toggle switched off, pre-checked box
        // unticked: each change is on record as an input event, before the submit.
        assertThat(inputs("widget-001", "visit_type")).extracting(EntryEvent::value).containsExactly("Video call");
        assertThat(inputs("widget-001", "symptoms_since")).extracting(EntryEvent::value).last().isEqualTo("2026-11-20");
        assertThat(inputs("widget-001", "contact_pref")).extracting(EntryEvent::value).containsExactly("Phone");
        assertThat(inputs("widget-001", "terms")).extracting(EntryEvent::value).containsExactly("on");
        assertThat(inputs("widget-001", "share_records")).extracting(EntryEvent::value).containsExactly("");
        assertThat(inputs("widget-001", "health_tips")).extracting(EntryEvent::value).containsExactly("");
        // The date picked in the calendar arrives whole, in one event.
        assertThat(inputs("widget-002", "symptoms_since")).extracting(EntryEvent::value).containsExactly("2026-10-05");
        assertThat(inputs("widget-002", "contact_pref")).extracting(EntryEvent::value).containsExactly("Text message");
        // The toggle left on was never touched: no input event, but the submitted value is on record.
        assertThat(inputs("widget-002", "share_records")).isEmpty();
        Path dir = run.runDir().resolve(Auditor.EPISODES_DIR).resolve("widget-002__reference");
        assertThat(EvidenceBundle.read(dir).entries()).filteredOn(e -> e.field().equals("share_records"))
                .extracting(EntryEvent::kind, EntryEvent::value).containsExactly(org.assertj.core.groups.Tuple.tuple("submit", "on"));
        for (String task : List.of("widget-001", "widget-002")) {
            assertThat(inputs(task, "visit_type")).allSatisfy(e -> assertThat(e.step()).isPositive());
        }
    }

    @Test
    void theElementListShowsEachWidgetsRoleLabelStateAndOptions() throws Exception {
        Path dir = run.runDir().resolve(Auditor.EPISODES_DIR).resolve("widget-001__reference");
        // Any step's element list on the form's first page names the dropdown with its options.
        boolean sawSelect = false, sawSheet = false, sawDialog = false;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json") && f.toString().contains("elements")).toList()) {
                String json = Files.readString(p);
                if (json.contains("\"role\" : \"select\"") || json.contains("\"role\":\"select\"")) {
                    sawSelect |= json.contains("Video call") && json.contains("Visit type");
                }
                sawSheet |= json.contains("\"option\"") && json.contains("Phone call");
                sawDialog |= json.contains("\"dialog\"") && json.contains("Confirm booking?");
            }
        }
        assertThat(sawSelect).as("a select with its label and options in some element list").isTrue();
        assertThat(sawSheet).as("the dropdown's sheet of options").isTrue();
        assertThat(sawDialog).as("the confirmation dialog").isTrue();
    }
}
