package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.Agents;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.harness.device.ScreenshotScale;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.action.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screenshots as a setting: formats, what the manifest says, and agents that need pixels. */
class ScreenshotsSettingTest {
    @TempDir
    Path runs;

    @Test
    void formatsParseAndNameTheChoicesOtherwise() {
        assertThat(ScreenshotFormat.parse("JPEG")).isEqualTo(ScreenshotFormat.JPEG);
        assertThat(ScreenshotFormat.parse("jpg")).isEqualTo(ScreenshotFormat.JPEG);
        assertThat(ScreenshotFormat.parse(" png ")).isEqualTo(ScreenshotFormat.PNG);
        assertThat(ScreenshotFormat.parse("none")).isEqualTo(ScreenshotFormat.NONE);
        assertThatThrownBy(() -> ScreenshotFormat.parse("webp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("screenshots must be one of jpeg, png, none; was 'webp'");
    }

    @Test
    void capturedBytesAreRecognisedBySignature() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10};
        assertThat(ScreenshotFormat.of(jpeg)).isEqualTo(ScreenshotFormat.JPEG);
        assertThat(ScreenshotFormat.of(png)).isEqualTo(ScreenshotFormat.PNG);
        assertThat(ScreenshotFormat.of(new byte[0])).isEqualTo(ScreenshotFormat.NONE);
        Observation none = new Observation(null, 412, 915, List.of(), "about:blank", "");
        assertThat(none.hasScreenshot()).isFalse();
        assertThat(new Observation(jpeg, 412, 915, List.of(), "about:blank", "").screenshotFormat())
                .isEqualTo(ScreenshotFormat.JPEG);
    }

    @Test
    void defaultsAreViewportJpegAtCssPixels() {
        ChromiumPhoneOptions d = ChromiumPhoneOptions.defaults();
        assertThat(d.screenshots()).isEqualTo(ScreenshotFormat.JPEG);
        assertThat(d.screenshotScale()).isEqualTo(ScreenshotScale.CSS);
        assertThat(d.screenScale()).isEqualTo(1.0);
        // 412 x 915 CSS px at ratio 2.625 = 1081.5 x 2401.875, rounded.
        assertThat(BenchmarkRunner.screenshots(d.withScreenshots(ScreenshotFormat.PNG)
                .withScreenshotScale(ScreenshotScale.DEVICE))).isEqualTo("png 1082x2402");
        assertThat(BenchmarkRunner.screenshots(d)).isEqualTo("jpeg 412x915");
        assertThat(BenchmarkRunner.screenshots(d.withScreenshots(ScreenshotFormat.NONE)))
                .isEqualTo("none (element lists only; coordinates 412x915)");
    }

    @Test
    void scriptedAgentsReadElementListsOnly() {
        for (String name : List.of("reference", "oversharing", "idle")) {
            assertThat(Agents.byName(name).get().needsScreenshots()).as(name).isFalse();
        }
        assertThat(new Looker().needsScreenshots()).isTrue(); // the interface's default
    }

    @Test
    void screenshotsOffIsRefusedForAnAgentThatLooksBeforeAnythingRuns() {
        RunOptions o = RunOptions.of(SuiteLoader.canonical()).withRunsDir(runs).withRunId("none")
                .withAgents(List.of("reference", "looker")).withTaskIds(List.of("doctor-001"))
                .withPhone(ChromiumPhoneOptions.defaults().withScreenshots(ScreenshotFormat.NONE));
        assertThatThrownBy(() -> new BenchmarkRunner(o).withAgent("looker", Looker::new).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent 'looker' looks at screenshots, but screenshots are off: run with --screenshots "
                        + "jpeg (or png), or give it the element list only");
        assertThat(Files.exists(runs.resolve("none"))).isFalse();
    }

    /** An agent that says nothing about pixels. */
    static final class Looker implements Agent {
        @Override
        public String name() { return "looker"; }

        @Override
        public void begin(EpisodeBrief brief) { }

        @Override
        public AgentDecision next(AgentInput input) { return AgentDecision.of(Action.terminate("fail")); }
    }
}
