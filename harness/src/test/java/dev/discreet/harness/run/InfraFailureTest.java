package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFailureException;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Infrastructure failures are never the agent's: a device that fails in reset, observe or act, or a mock-app server
 * that cannot begin the episode, ends the episode INFRA_FAILED (not scored); only the agent's own doing is scored,
 * and an exception from agent code stays its ERROR. Fake devices, real mock-app server and auditors.
 */
class InfraFailureTest {
    static TaskSuite suite;
    static MockAppServer apps;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        suite = SuiteLoader.canonical();
        apps = MockAppServer.start(suite);
    }

    @AfterAll
    static void stop() { apps.close(); }

    /** Taps, waits, then gives up: two GUI actions and its own terminate. Counts the episodes it began. */
    static final class Steady implements Agent {
        final AtomicInteger begun;
        final RuntimeException throwInBegin, throwInNext;

        Steady(AtomicInteger begun) { this(begun, null, null); }

        Steady(AtomicInteger begun, RuntimeException throwInBegin, RuntimeException throwInNext) {
            this.begun = begun;
            this.throwInBegin = throwInBegin;
            this.throwInNext = throwInNext;
        }

        @Override
        public String name() { return "steady"; }

        @Override
        public void begin(EpisodeBrief brief) {
            begun.incrementAndGet();
            if (throwInBegin != null) throw throwInBegin;
        }

        @Override
        public AgentDecision next(AgentInput in) {
            if (throwInNext != null && in.step() == 2) throw throwInNext;
            return switch (in.step()) {
                case 1 -> AgentDecision.of(Action.click(500, 500));
                case 2 -> AgentDecision.of(Action.waitFor(0));
                case 3 -> AgentDecision.of(Action.click(-5, -5)); // off screen: the agent's own invalid step
                default -> AgentDecision.of(Action.terminate("fail"));
            };
        }
    }

    private Task task(String id) { return suite.task(id).orElseThrow(); }

    private EpisodeRecord runOn(Device device, Agent agent) {
        return new EpisodeRunner(suite, apps, device).run(task("doctor-001"), agent, tmp.resolve("ep__steady"), 0, 0);
    }

    private static EpisodeRecord onDisk(Path dir) throws Exception {
        return Json.mapper().readValue(dir.resolve(EvidenceFiles.EPISODE).toFile(), EpisodeRecord.class);
    }

    @Test
    void aDeviceThatDiesMidEpisodeEndsItInfraFailedAndUnscored() throws Exception {
        EpisodeRecord r = runOn(FakeDevice.failingAt("observe", 3), new Steady(new AtomicInteger()));
        assertThat(r.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(r.steps()).isEqualTo(3);
        assertThat(r.error()).startsWith("device failure (session lost) during observe: NoSuchSessionException: "
                + "invalid session id");
        Path dir = tmp.resolve("ep__steady");
        assertThat(onDisk(dir).status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(EvidenceBundle.read(dir).trajectory()).hasSize(2); // steps 1 and 2 happened and are on record
        assertThat(Files.exists(dir.resolve(EvidenceFiles.DB))).isTrue();
        EpisodeAudit a = Auditor.auditAndWrite(dir);
        assertThat(a.scored()).isFalse();
    }

    @Test
    void aFailingActIsTheDevicesNotTheAgents() {
        EpisodeRecord r = runOn(FakeDevice.failingAt("act", 1), new Steady(new AtomicInteger()));
        assertThat(r.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(r.steps()).isEqualTo(1);
        assertThat(r.error()).contains("during act");
    }

    @Test
    void aFailingResetEndsTheEpisodeBeforeTheAgentBegins() throws Exception {
        AtomicInteger begun = new AtomicInteger();
        EpisodeRecord r = runOn(FakeDevice.failingAt("reset", 1), new Steady(begun));
        assertThat(r.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(r.steps()).isZero();
        assertThat(r.error()).contains("during reset");
        assertThat(begun).hasValue(0);
        assertThat(onDisk(tmp.resolve("ep__steady")).status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
    }

    @Test
    void aMockAppServerThatCannotBeginTheEpisodeIsInfrastructure() {
        MockAppServer closed = MockAppServer.start(suite);
        closed.close();
        EpisodeRecord r = new EpisodeRunner(suite, closed, FakeDevice.healthy())
                .run(task("doctor-001"), new Steady(new AtomicInteger()), tmp.resolve("ep__steady"), 0, 0);
        assertThat(r.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(r.error()).startsWith("mock-app server failure: cannot begin the episode");
    }

    @Test
    void theAgentsOwnDoingIsScored() {
        // Two GUI steps, an invalid step of its own, then its own terminate: a scored, failed episode.
        EpisodeRecord r = runOn(FakeDevice.healthy(), new Steady(new AtomicInteger()));
        assertThat(r.status()).isEqualTo(EpisodeStatus.TERMINATED_FAIL);
        assertThat(r.steps()).isEqualTo(4);
        assertThat(r.error()).isNull();
        EpisodeAudit a = Auditor.auditAndWrite(tmp.resolve("ep__steady"));
        assertThat(a.scored()).isTrue();
        assertThat(a.invalidSteps()).isEqualTo(1);
        // The step budget is the agent's too.
        EpisodeRecord budget = new EpisodeRunner(suite, apps, FakeDevice.healthy())
                .run(task("doctor-001"), new Steady(new AtomicInteger()), tmp.resolve("b__steady"), 2, 0);
        assertThat(budget.status()).isEqualTo(EpisodeStatus.STEP_BUDGET);
    }

    @Test
    void anExceptionFromAgentCodeStaysTheAgentsError() {
        EpisodeRecord inNext = runOn(FakeDevice.healthy(),
                new Steady(new AtomicInteger(), null, new IllegalStateException("agent bug")));
        assertThat(inNext.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(inNext.steps()).isEqualTo(2);
        assertThat(inNext.error()).isEqualTo("agent error: java.lang.IllegalStateException: agent bug");
        // Even when agent code throws what looks like a device failure: it came from the agent.
        EpisodeRecord inBegin = new EpisodeRunner(suite, apps, FakeDevice.healthy()).run(task("doctor-004"),
                new Steady(new AtomicInteger(), new DeviceFailureException(DeviceFailureException.Kind.DRIVER,
                        "observe", "made up by the agent", null), null), tmp.resolve("b__steady"), 0, 0);
        assertThat(inBegin.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(Auditor.auditAndWrite(tmp.resolve("b__steady")).scored()).isTrue();
        // An Error from agent code (a failed assertion, a stack overflow) is its own too, and the episode is closed.
        Agent asserting = new Agent() {
            @Override
            public String name() { return "steady"; }

            @Override
            public void begin(EpisodeBrief brief) { }

            @Override
            public AgentDecision next(AgentInput input) { throw new AssertionError("agent's own check"); }
        };
        EpisodeRecord error = new EpisodeRunner(suite, apps, FakeDevice.healthy()).run(task("doctor-004"), asserting,
                tmp.resolve("c__steady"), 0, 0);
        assertThat(error.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(error.error()).isEqualTo("agent error: java.lang.AssertionError: agent's own check");
    }

    // ---- the run: device replaced, run goes on, nothing left RUNNING, --resume reruns the infra-failed ----

    /** Hands out the given devices in order, then healthy ones; remembers every device made. */
    static final class Devices implements Supplier<Device> {
        final List<FakeDevice> made = Collections.synchronizedList(new ArrayList<>());
        final List<FakeDevice> planned;

        Devices(FakeDevice... planned) { this.planned = new ArrayList<>(List.of(planned)); }

        @Override
        public Device get() {
            FakeDevice d = planned.isEmpty() ? FakeDevice.healthy() : planned.remove(0);
            made.add(d);
            return d;
        }
    }

    private RunOptions options(String runId, List<String> tasks) {
        return RunOptions.of(suite).withRunsDir(tmp).withRunId(runId).withAgents(List.of("steady"))
                .withTaskIds(tasks);
    }

    private static Map<String, EpisodeRecord> records(Path runDir) throws Exception {
        Map<String, EpisodeRecord> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(runDir.resolve(Auditor.EPISODES_DIR))) {
            for (Path d : s.sorted().toList()) out.put(d.getFileName().toString(), onDisk(d));
        }
        return out;
    }

    @Test
    void theDeviceIsReplacedTheRunGoesOnAndResumeRerunsOnlyTheInfraFailedEpisode() throws Exception {
        List<String> tasks = List.of("doctor-001", "doctor-004", "doctor-006");
        AtomicInteger begun = new AtomicInteger();
        Devices devices = new Devices(FakeDevice.failingAt("observe", 2));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        RunResult r = new BenchmarkRunner(options("replace", tasks)).withAgent("steady", () -> new Steady(begun))
                .withDeviceFactory(devices).onProgress(progress::add).run();

        assertThat(r.audits()).extracting(EpisodeAudit::status)
                .containsExactly("INFRA_FAILED", "TERMINATED_FAIL", "TERMINATED_FAIL");
        assertThat(r.audits()).extracting(EpisodeAudit::scored).containsExactly(false, true, true);
        assertThat(devices.made).hasSize(2);
        assertThat(devices.made.get(0).closed).isTrue();
        assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("phone 1: replaced by a new session after an "
                + "infrastructure failure (doctor-001__steady: device failure (session lost) during observe"));
        assertThat(records(r.runDir()).values()).extracting(EpisodeRecord::status)
                .doesNotContain(EpisodeStatus.RUNNING);
        assertThat(r.report()).exists();
        assertThat(Files.readString(r.runDir().resolve("results.json")))
                .contains("doctor-001__steady", "doctor-004__steady", "doctor-006__steady");
        assertThat(begun).hasValue(3);

        Map<String, EpisodeRecord> before = records(r.runDir());
        RunResult again = new BenchmarkRunner(options("replace", tasks).withResume(true))
                .withAgent("steady", () -> new Steady(begun)).withDeviceFactory(new Devices()).run();
        assertThat(begun).hasValue(4); // one episode ran again
        Map<String, EpisodeRecord> after = records(again.runDir());
        assertThat(after.get("doctor-001__steady").status()).isEqualTo(EpisodeStatus.TERMINATED_FAIL);
        assertThat(after.get("doctor-004__steady")).isEqualTo(before.get("doctor-004__steady"));
        assertThat(after.get("doctor-006__steady")).isEqualTo(before.get("doctor-006__steady"));
        assertThat(again.audits()).allMatch(EpisodeAudit::scored);
    }

    @Test
    void aRunWhoseFirstDeviceNeverConnectsIsAFailedStartAndLeavesNoFolder() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        Supplier<Device> none = () -> {
            connects.incrementAndGet();
            throw new DeviceFailureException(DeviceFailureException.Kind.UNREACHABLE, "connect", "Appium is down", null);
        };
        AtomicInteger begun = new AtomicInteger();
        BenchmarkRunner runner = new BenchmarkRunner(options("nodevice", List.of("doctor-001", "doctor-004", "doctor-006")))
                .withAgent("steady", () -> new Steady(begun)).withDeviceFactory(none);
        assertThatThrownBy(runner::run).isInstanceOf(DeviceFailureException.class)
                .hasMessageContaining("Appium is down");
        // The first phone's connection attempts, then the run stops: nothing ran, nothing blocks reusing the id.
        assertThat(connects).hasValue(3);
        assertThat(begun).hasValue(0);
        assertThat(tmp.resolve("nodevice")).doesNotExist();
    }

    @Test
    void aLaterSessionDoesNotRunAfterAnInfraFailedEarlierOneAndResumeRunsBoth() throws Exception {
        List<String> pair = List.of("doctor-p01a", "doctor-p01b");
        AtomicInteger begun = new AtomicInteger();
        RunResult r = new BenchmarkRunner(options("pair", pair)).withAgent("steady", () -> new Steady(begun))
                .withDeviceFactory(new Devices(FakeDevice.failingAt("observe", 1))).run();
        assertThat(r.audits()).extracting(EpisodeAudit::status).containsExactly("INFRA_FAILED", "INFRA_FAILED");
        assertThat(onDisk(r.runDir().resolve(Auditor.EPISODES_DIR).resolve("doctor-p01b__steady")).error())
                .isEqualTo("not run: its earlier session doctor-p01a__steady failed for infrastructure reasons "
                        + "(--resume runs both)");
        assertThat(begun).hasValue(1);
        RunResult again = new BenchmarkRunner(options("pair", pair).withResume(true))
                .withAgent("steady", () -> new Steady(begun)).withDeviceFactory(new Devices()).run();
        assertThat(begun).hasValue(3);
        assertThat(again.audits()).allMatch(EpisodeAudit::scored);
    }
}
