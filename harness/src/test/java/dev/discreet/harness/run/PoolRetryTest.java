package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFailureException;
import dev.discreet.harness.device.Endpoints;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device pool: phones spread over the servers, a failing server passed over, and an episode whose device failed
 * run again on a new device, marked retried, its failed attempt kept. Fake devices, real runner and auditors.
 */
class PoolRetryTest {
    static TaskSuite suite;
    @TempDir
    Path tmp;

    @BeforeAll
    static void load() { suite = SuiteLoader.canonical(); }

    private RunOptions options(String id, int retries) {
        return RunOptions.of(suite).withRunsDir(tmp).withRunId(id).withAgents(List.of("steady"))
                .withTaskIds(List.of("doctor-001", "doctor-004")).withFarm(FarmOptions.defaults().withRetries(retries));
    }

    @Test
    void anEpisodeWhoseDeviceFailedRunsAgainOnANewDeviceAndIsMarkedRetried() throws Exception {
        AtomicInteger begun = new AtomicInteger();
        InfraFailureTest.Devices devices = new InfraFailureTest.Devices(FakeDevice.failingAt("observe", 2));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        RunResult r = new BenchmarkRunner(options("retry", 1)).withAgent("steady", () -> new InfraFailureTest.Steady(begun))
                .withDeviceFactory(devices).onProgress(progress::add).run();

        // The first attempt died on its second observation; the second, on a new device, ended as the agent chose.
        assertThat(r.audits()).extracting(EpisodeAudit::status).containsExactly("TERMINATED_FAIL", "TERMINATED_FAIL");
        assertThat(begun).hasValue(3);
        assertThat(devices.made).hasSize(2);
        assertThat(devices.made.get(0).closed).isTrue();
        Path kept = r.runDir().resolve("attempts/doctor-001__steady/attempt-1");
        EpisodeRecord first = Json.mapper().readValue(kept.resolve("episode.json").toFile(), EpisodeRecord.class);
        assertThat(first.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(Files.readString(r.runDir().resolve("episodes/doctor-001__steady/attempts.json")))
                .contains("\"attempts\" : 2").contains("attempts/doctor-001__steady/attempt-1");
        assertThat(r.manifest().parameters().get("retried")).startsWith("doctor-001__steady (retried 1x: device failure");
        assertThat(Files.readString(r.runDir().resolve("results.json"))).contains("doctor-001__steady (retried 1x");
        assertThat(Files.readString(r.report())).contains("Retried on a new device")
                .contains("doctor-001__steady (retried 1x");
        assertThat(progress).anyMatch(l -> l.startsWith("doctor-001__steady: attempt 1 failed for infrastructure "
                + "reasons"));
    }

    @Test
    void withoutRetriesOrWhenEveryAttemptFailsTheEpisodeStaysInfraFailedAndTheRunEnds() throws Exception {
        AtomicInteger begun = new AtomicInteger();
        RunResult none = new BenchmarkRunner(options("none", 0)).withAgent("steady", () -> new InfraFailureTest.Steady(begun))
                .withDeviceFactory(new InfraFailureTest.Devices(FakeDevice.failingAt("observe", 2))).run();
        assertThat(none.audits()).extracting(EpisodeAudit::status).containsExactly("INFRA_FAILED", "TERMINATED_FAIL");
        assertThat(none.manifest().parameters()).doesNotContainKey("retried");
        assertThat(none.runDir().resolve("attempts")).doesNotExist();

        // Every device dies at its first observation: two retries, three attempts, then INFRA_FAILED; the next
        // episode gets a device again (the pool keeps trying) and the run ends with a report.
        InfraFailureTest.Devices dying = new InfraFailureTest.Devices(FakeDevice.failingAt("observe", 1),
                FakeDevice.failingAt("observe", 1), FakeDevice.failingAt("observe", 1));
        RunResult all = new BenchmarkRunner(options("dying", 2)).withAgent("steady", () -> new InfraFailureTest.Steady(begun))
                .withDeviceFactory(dying).run();
        assertThat(all.audits()).extracting(EpisodeAudit::status).containsExactly("INFRA_FAILED", "TERMINATED_FAIL");
        assertThat(all.runDir().resolve("attempts/doctor-001__steady/attempt-2")).isDirectory();
        assertThat(all.manifest().parameters().get("retried")).contains("retried 2x");
        assertThat(Files.exists(all.report())).isTrue();
    }

    @Test
    void phonesSpreadOverTheServersAndAFailingServerIsPassedOver() {
        URL a = Endpoints.parse("http://10.0.0.1:4723", "t"), b = Endpoints.parse("http://10.0.0.2:4723", "t");
        List<URL> asked = Collections.synchronizedList(new ArrayList<>());
        boolean[] aDown = {false};
        DevicePool pool = new DevicePool(List.of(a, b), server -> {
            asked.add(server);
            if (server.equals(a) && aDown[0]) {
                throw new DeviceFailureException(DeviceFailureException.Kind.UNREACHABLE, "connect", "refused", null);
            }
            return FakeDevice.healthy();
        });
        Device p1 = pool.connect(1), p2 = pool.connect(2);
        assertThat(asked).containsExactly(a, b);
        aDown[0] = true;
        // Phone 1 is replaced: its next device comes from the next server.
        pool.connect(1);
        assertThat(asked).containsExactly(a, b, b);
        // Phone 1 again: back to a (its turn), which fails; then a is passed over while b is healthy.
        assertThatThrownBy(() -> pool.connect(1)).isInstanceOf(DeviceFailureException.class);
        pool.connect(1);
        pool.connect(2);
        assertThat(asked).containsExactly(a, b, b, a, b, b);
        p1.close();
        p2.close();
    }
}
