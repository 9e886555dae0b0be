package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.Observation;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.StepRecord;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's bookkeeping with the real mock-app server and a device that fails on purpose at step 4 (the one
 * thing a real phone cannot be made to do on demand): every step has its trajectory line, and each invalid step
 * records exactly the message the agent is given.
 */
class EveryStepHasItsLineTest {
    @TempDir
    Path dir;

    /** A phone that shows one blank screen and whose input breaks at the first tap. */
    static final class BreakingDevice implements Device {
        final List<Action> performed = new ArrayList<>();

        @Override
        public Observation observe() {
            try {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
                return new Observation(png.toByteArray(), 1082, 2402, List.of(), "about:blank", "blank");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void act(Action action, URI homeUri) {
            performed.add(action);
            if ("click".equals(action.name())) throw new IllegalStateException("session deleted: the device is gone");
        }

        @Override public void open(URI uri) { }
        @Override public void reset(URI start) { }
        @Override public String currentUrl() { return "about:blank"; }
        @Override public int screenWidth() { return 1082; }
        @Override public int screenHeight() { return 2402; }
        @Override public String describe() { return "breaking test device"; }
        @Override public void close() { }
    }

    /** Step 1 types a runaway text, step 2 is an unusable reply, step 3 waits, step 4 taps (and the device breaks). */
    static final class HostileAgent implements Agent {
        final List<String> feedbackSeen = new ArrayList<>();

        @Override public String name() { return "hostile"; }
        @Override public void begin(EpisodeBrief brief) { }

        @Override
        public AgentDecision next(AgentInput in) {
            feedbackSeen.add(in.feedback());
            return switch (in.step()) {
                case 1 -> AgentDecision.of(Action.type("a".repeat(1_000_000)));
                case 2 -> new AgentDecision("", Action.named("unparseable"), "your reply could not be used: the reply "
                        + "was empty. Reply with reasoning and exactly one JSON action");
                case 3 -> AgentDecision.of(Action.named("wait"));
                default -> AgentDecision.of(Action.click(10, 10));
            };
        }
    }

    @Test
    void invalidStepsRecordTheExactFeedbackAndAFailingStepStillHasItsLine() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        BreakingDevice device = new BreakingDevice();
        HostileAgent agent = new HostileAgent();
        Path ep = dir.resolve("doctor-001__hostile");
        EpisodeRecord end;
        try (MockAppServer apps = MockAppServer.start(suite)) {
            end = new EpisodeRunner(suite, apps, device).run(suite.task("doctor-001").orElseThrow(), agent, ep, 10, 0);
        }
        // The device broke, not the agent: infrastructure, unscored (the step still has its line, result ERROR).
        assertThat(end.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(end.steps()).isEqualTo(4);
        List<StepRecord> lines = new ArrayList<>();
        for (String l : Files.readAllLines(ep.resolve(EvidenceFiles.TRAJECTORY))) {
            lines.add(Json.mapper().readValue(l, StepRecord.class));
        }
        assertThat(lines).extracting(StepRecord::step).containsExactly(1, 2, 3, 4);
        assertThat(lines).extracting(StepRecord::result)
                .containsExactly(StepRecord.INVALID, StepRecord.INVALID, StepRecord.OK, StepRecord.ERROR);
        assertThat(lines.get(0).message()).isEqualTo("type: 'text' has 1000000 characters; at most 2000 go into one "
                + "action (type longer text in parts)");
        assertThat(lines.get(1).message()).isEqualTo("your reply could not be used: the reply was empty. Reply with "
                + "reasoning and exactly one JSON action");
        assertThat(lines.get(3).message()).contains("session deleted: the device is gone");
        // What the agent was told at steps 2 and 3 is the recorded message of the step before, word for word.
        assertThat(agent.feedbackSeen.get(1)).isEqualTo("Invalid action: " + lines.get(0).message());
        assertThat(agent.feedbackSeen.get(2)).isEqualTo("Invalid action: " + lines.get(1).message());
        // The runaway text never reached the device.
        assertThat(device.performed).extracting(Action::name).containsExactly("wait", "click");
    }
}
