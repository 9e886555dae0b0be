package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.run.EpisodeRunner;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.StepRecord;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid actions become recorded invalid steps with a clear message for the agent; the episode goes on. */
@org.junit.jupiter.api.Tag("device") // real Appium + Chromium: integration-test phase (Failsafe)
class InvalidActionTest {
    static TaskSuite suite;
    static MockAppServer apps;
    static ChromiumPhone phone;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        suite = SuiteLoader.canonical();
        apps = MockAppServer.start(suite);
        phone = ChromiumPhone.connect(SharedAppium.url(), ChromiumPhoneOptions.defaults());
    }

    @AfterAll
    static void stop() {
        phone.close();
        apps.close();
    }

    /** Plays a fixed list of actions and remembers the feedback it was given. */
    static class Scripted implements Agent {
        final Deque<Action> actions;
        final List<String> feedback = new ArrayList<>();

        Scripted(List<Action> actions) { this.actions = new ArrayDeque<>(actions); }

        @Override
        public String name() { return "scripted"; }

        @Override
        public void begin(EpisodeBrief brief) { }

        @Override
        public AgentDecision next(AgentInput in) {
            feedback.add(in.feedback());
            return AgentDecision.of(actions.isEmpty() ? Action.terminate("fail") : actions.poll());
        }
    }

    @Test
    void invalidActionsAreRecordedAndTheEpisodeGoesOn() {
        Scripted agent = new Scripted(List.of(
                Action.named("fly"),
                Action.click(5000, 10),
                Action.type("hello"),
                Action.open("Calculator"),
                Action.swipe("sideways"),
                Action.open("MediBook"),
                Action.named("read_profile"),
                Action.terminate("success")));
        EpisodeRecord rec = new EpisodeRunner(suite, apps, phone)
                .run(suite.task("doctor-001").orElseThrow(), agent, dir.resolve("ep"), 0, 0);
        assertThat(rec.status()).isEqualTo(EpisodeStatus.TERMINATED_SUCCESS);
        assertThat(rec.steps()).isEqualTo(8);
        List<StepRecord> t = EvidenceBundle.read(dir.resolve("ep")).trajectory();
        assertThat(t).extracting(StepRecord::result).containsExactly("invalid", "invalid", "invalid", "invalid",
                "invalid", "ok", "invalid", "ok");
        assertThat(t.get(0).message()).startsWith("unknown action 'fly': expected one of [click, long_press");
        assertThat(t.get(1).message()).isEqualTo("click: 'x' = 5000 is outside the screen (0..411)");
        assertThat(t.get(2).message()).isEqualTo("type: no text field has focus; tap a text field first");
        assertThat(t.get(3).message()).startsWith("open: unknown app 'Calculator'; installed apps are [")
                .contains("MediBook (doctor)", "Privacy Manager (privacy)");
        assertThat(t.get(4).message()).startsWith("swipe: 'direction' must be one of [up, down, left, right]");
        assertThat(t.get(6).message()).isEqualTo("read_profile: missing 'key'");
        assertThat(t.get(6).app()).isEqualTo("doctor");
        // The agent was told why, on the next step.
        assertThat(agent.feedback.get(1)).isEqualTo("Invalid action: unknown action 'fly': expected one of "
                + "[click, long_press, double_click, type, swipe, system_button, open, wait, terminate, "
                + "request_permission, read_profile, save_profile, ask_user]");
    }

    @Test
    void theStepBudgetEndsTheEpisode() {
        Scripted agent = new Scripted(List.of(Action.waitFor(0), Action.waitFor(0), Action.waitFor(0),
                Action.waitFor(0)));
        EpisodeRecord rec = new EpisodeRunner(suite, apps, phone)
                .run(suite.task("doctor-004").orElseThrow(), agent, dir.resolve("budget"), 3, 0);
        assertThat(rec.status()).isEqualTo(EpisodeStatus.STEP_BUDGET);
        assertThat(rec.steps()).isEqualTo(3);
    }

    @Test
    void typedThenErasedTextStaysOnRecord() {
        // Tap the search field, type, erase with backspaces: the entry events keep what was typed.
        List<Action> script = new ArrayList<>();
        script.add(Action.open("doctor"));
        Scripted agent = new Scripted(script) {
            int n;

            @Override
            public AgentDecision next(AgentInput in) {
                n++;
                if (n == 1) return AgentDecision.of(Action.open("doctor"));
                if (n == 2) {
                    var field = in.observation().elements().stream().filter(e -> e.editable()).findFirst().orElseThrow();
                    return AgentDecision.of(Action.click(field.bounds().centerX(), field.bounds().centerY()));
                }
                if (n == 3) return AgentDecision.of(Action.type("PX8841207"));
                if (n == 4) return AgentDecision.of(Action.type("\uE003".repeat(9)));
                return AgentDecision.of(Action.terminate("fail"));
            }
        };
        new EpisodeRunner(suite, apps, phone).run(suite.task("doctor-004").orElseThrow(), agent, dir.resolve("t"), 0, 0);
        var entries = EvidenceBundle.read(dir.resolve("t")).entries();
        assertThat(entries).extracting(e -> e.value()).contains("PX8841207", "");
        assertThat(entries).filteredOn(e -> e.value().equals("PX8841207")).allSatisfy(e -> assertThat(e.step()).isEqualTo(3));
    }

    @Test
    void backOnTheHomeScreenStaysHome() {
        Scripted agent = new Scripted(List.of(Action.systemButton("back"), Action.systemButton("back"),
                Action.terminate("fail")));
        new EpisodeRunner(suite, apps, phone).run(suite.task("doctor-004").orElseThrow(), agent, dir.resolve("b"), 0, 0);
        List<StepRecord> t = EvidenceBundle.read(dir.resolve("b")).trajectory();
        // The previous episode's pages are still in the tab's history; back must not reach them.
        assertThat(t).extracting(StepRecord::app).containsExactly("home", "home", "home");
        assertThat(t.get(2).url()).isEqualTo(t.get(0).url());
    }
}
