package dev.discreet.harness.run;

import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.tasks.TaskSuite;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a benchmark run is parameterised by. Immutable: each {@code with…} returns a copy. The device comes
 * from exactly one of a local Appium server ({@link #withLocalAppium}) or a remote Appium/Grid URL
 * ({@link #withAppiumUrl}); both end in the same server URL.
 */
public record RunOptions(TaskSuite suite, Path runsDir, String runId, List<String> agents, List<String> taskIds,
                         int maxSteps, boolean resume, URL appiumUrl, AppiumServerOptions localAppium,
                         ChromiumPhoneOptions phone, boolean revealValues, int parallelism, FarmOptions farm) {
    /** At most this many phones run at once (each a Chromium session on the one Appium server). */
    public static final int MAX_PARALLELISM = 8;

    /**
     * Phones for this machine when the user does not say: one per core, plus one. Each step keeps Chromium,
     * chromedriver, Appium and the JVM busy in turn and waits on page loads and gestures in between; one phone more
     * than cores fills those gaps (2 cores, headless shell: 13.4 steps/s at 3 phones against 11.2 at 2; see
     * BENCHMARKS.md).
     */
    public static int defaultParallelism() {
        return Math.max(1, Math.min(MAX_PARALLELISM, Runtime.getRuntime().availableProcessors() + 1));
    }

    public RunOptions {
        if (suite == null) throw new IllegalArgumentException("suite must not be null");
        if (runsDir == null) runsDir = Path.of("runs");
        agents = agents == null || agents.isEmpty() ? List.of("reference", "oversharing") : List.copyOf(agents);
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
        // One episode folder per task and agent: a name given twice would run twice into the same folder.
        once("agent", agents);
        once("task", taskIds);
        if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be >= 0 (0 = each task's own), was " + maxSteps);
        if (appiumUrl != null && localAppium != null) {
            throw new IllegalArgumentException("appiumUrl and localAppium are mutually exclusive: "
                    + "use a remote server or start a local one, not both");
        }
        if (phone == null) phone = ChromiumPhoneOptions.defaults();
        if (farm == null) farm = FarmOptions.defaults();
        if (!farm.endpoints().isEmpty() && (appiumUrl != null || localAppium != null)) {
            throw new IllegalArgumentException("a device pool's endpoints and appiumUrl/localAppium are mutually "
                    + "exclusive: list every server in the pool, or use one");
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be within 1.." + MAX_PARALLELISM + ", was " + parallelism);
        }
        if (runId != null && (!runId.matches("[A-Za-z0-9._-]{1,80}") || runId.matches("\\.+"))) {
            // One path segment inside runsDir: no separators, and not "." or ".." (which name runsDir or its parent).
            throw new IllegalArgumentException("run id '" + runId + "' must be 1-80 letters, digits, '.', '_' or '-', "
                    + "and not only dots (it names a folder inside the runs folder)");
        }
    }

    private static void once(String what, List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + " '" + n + "' is listed twice: give each " + what
                        + " once (each task runs once per agent)");
            }
        }
    }

    public static RunOptions of(TaskSuite suite) {
        return new RunOptions(suite, null, null, null, null, 0, false, null, null, null, false, 1, null);
    }

    public RunOptions withRunsDir(Path d) {
        return new RunOptions(suite, d, runId, agents, taskIds, maxSteps, resume, appiumUrl, localAppium, phone, revealValues, parallelism, farm);
    }

    public RunOptions withRunId(String id) {
        return new RunOptions(suite, runsDir, id, agents, taskIds, maxSteps, resume, appiumUrl, localAppium, phone, revealValues, parallelism, farm);
    }

    public RunOptions withAgents(List<String> a) {
        return new RunOptions(suite, runsDir, runId, a, taskIds, maxSteps, resume, appiumUrl, localAppium, phone, revealValues, parallelism, farm);
    }

    public RunOptions withTaskIds(List<String> t) {
        return new RunOptions(suite, runsDir, runId, agents, t, maxSteps, resume, appiumUrl, localAppium, phone, revealValues, parallelism, farm);
    }

    public RunOptions withMaxSteps(int m) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, m, resume, appiumUrl, localAppium, phone, revealValues, parallelism, farm);
    }

    public RunOptions withResume(boolean r) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, maxSteps, r, appiumUrl, localAppium, phone, revealValues, parallelism, farm);
    }

    public RunOptions withAppiumUrl(URL u) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, maxSteps, resume, u, localAppium, phone, revealValues, parallelism, farm);
    }

    public RunOptions withLocalAppium(AppiumServerOptions o) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, maxSteps, resume, appiumUrl, o, phone, revealValues, parallelism, farm);
    }

    public RunOptions withPhone(ChromiumPhoneOptions p) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, maxSteps, resume, appiumUrl, localAppium, p, revealValues, parallelism, farm);
    }

    public RunOptions withRevealValues(boolean r) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, maxSteps, resume, appiumUrl, localAppium, phone, r, parallelism, farm);
    }

    /** Device kind, pool, mock-app network, shard and retries ({@link FarmOptions}). */
    public RunOptions withFarm(FarmOptions f) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, maxSteps, resume, appiumUrl, localAppium, phone,
                revealValues, parallelism, f);
    }

    /** The device settings of this run: the farm's kind and paths over {@link #phone()}. */
    public dev.discreet.harness.device.DeviceSettings deviceSettings() { return farm.deviceSettings(phone); }

    public RunOptions withParallelism(int n) {
        return new RunOptions(suite, runsDir, runId, agents, taskIds, maxSteps, resume, appiumUrl, localAppium, phone,
                revealValues, n, farm);
    }
}
