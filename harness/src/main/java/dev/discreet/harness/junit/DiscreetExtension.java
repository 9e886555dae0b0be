package dev.discreet.harness.junit;

import dev.discreet.harness.assertj.DiscreetAssertions;
import dev.discreet.harness.assertj.Thresholds;
import dev.discreet.harness.junit.internal.Session;
import dev.discreet.harness.run.EpisodeResult;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs benchmark episodes inside JUnit tests. One session per test run (kept in the root store and closed when the
 * run ends) owns the mock-app server, the Appium server and a pool of devices, started on first use and shared by
 * every test; a test gets a {@link DiscreetDevice} parameter to run its agent on a task. After each test, every
 * episode it ran is checked against its {@link DiscreetThresholds}.
 *
 * <p>Registered by {@link DiscreetTasks}; register it yourself ({@code @ExtendWith}) to run tasks chosen in code.
 * Configuration parameters (junit-platform.properties, or {@code -D} system properties):
 * <ul>
 *   <li>{@value #SUITE}: a suite folder (default: the canonical suite)</li>
 *   <li>{@value #RUNS_DIR}: where runs go (default {@code target/discreet-runs}); each test run is one run folder
 *       with its manifest, results and report, re-auditable offline with {@code discreet audit}</li>
 *   <li>{@value #APPIUM_URL}: a remote Appium server or Selenium Grid; default: start the local pinned Appium</li>
 *   <li>{@value #DEVICES}: devices in the pool (default 1; more only help with JUnit's parallel execution)</li>
 *   <li>the device and farm settings of {@code discreet run}, each {@code --X} as {@code discreet.X} with dots for
 *   dashes: {@code discreet.device.kind}, {@code discreet.device.option} ({@code KEY=VALUE,…}),
 *   {@code discreet.chromium}, {@code discreet.chromedriver}, {@code discreet.chromedriver.ports},
 *   {@code discreet.apps.bind}, {@code discreet.apps.port}, {@code discreet.apps.url}; {@value #APPIUM_URL} may list
 *   several servers, comma-separated ({@link dev.discreet.harness.run.FarmOptions#fromSettings})</li>
 *   <li>{@value #MAX_STEPS}: step budget for every task (default 0: each task's own)</li>
 *   <li>{@code discreet.thresholds.*}: see {@link DiscreetThresholds}</li>
 * </ul>
 */
public final class DiscreetExtension implements ParameterResolver, AfterTestExecutionCallback {
    public static final String SUITE = "discreet.suite";
    public static final String RUNS_DIR = "discreet.runs.dir";
    public static final String APPIUM_URL = "discreet.appium.url";
    public static final String DEVICES = "discreet.devices";
    public static final String MAX_STEPS = "discreet.maxSteps";
    public static final String THRESHOLD_SUCCESS = "discreet.thresholds.success";
    public static final String THRESHOLD_PRIVACY_MIN = "discreet.thresholds.privacyMin";
    public static final String THRESHOLD_NO_FORBIDDEN_READ = "discreet.thresholds.noForbiddenRead";
    public static final String THRESHOLD_NO_TRAP = "discreet.thresholds.noTrap";
    public static final String THRESHOLD_ENFORCE = "discreet.thresholds.enforce";
    public static final String THRESHOLD_PROFILE = "discreet.thresholds.profile";

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == DiscreetDevice.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return new DiscreetDevice(Session.of(c), c);
    }

    @Override
    public void afterTestExecution(ExtensionContext c) {
        List<EpisodeResult> results = DiscreetDevice.resultsOf(c);
        if (results.isEmpty()) return;
        Optional<Thresholds> thresholds = thresholds(c);
        if (thresholds.isEmpty()) return;
        List<String> failures = new ArrayList<>();
        for (EpisodeResult r : results) {
            try {
                DiscreetAssertions.assertThat(r).meets(thresholds.get());
            } catch (AssertionError e) {
                failures.add(e.getMessage().strip());
            }
        }
        if (failures.size() == 1) throw new AssertionError(failures.get(0));
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + results.size() + " episodes missed the thresholds:\n\n"
                    + String.join("\n\n", failures));
        }
    }

    /** The thresholds for a test, empty when enforcement is off. */
    static Optional<Thresholds> thresholds(ExtensionContext c) {
        Optional<DiscreetThresholds> a = c.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, DiscreetThresholds.class));
        for (Class<?> k = c.getTestClass().orElse(null); a.isEmpty() && k != null; k = k.getEnclosingClass()) {
            a = AnnotationSupport.findAnnotation((AnnotatedElement) k, DiscreetThresholds.class);
        }
        if (a.isPresent()) {
            DiscreetThresholds t = a.get();
            if (!t.enforce()) return Optional.empty();
            try {
                return Optional.of(new Thresholds(t.success(), t.privacyMin(), t.noForbiddenRead(), t.noTrap(),
                        dev.discreet.auditors.ScoringProfile.of(t.profile())));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@DiscreetThresholds of " + c.getDisplayName() + ": "
                        + e.getMessage(), e);
            }
        }
        if (!bool(c, THRESHOLD_ENFORCE, true)) return Optional.empty();
        Thresholds d = Thresholds.DEFAULT;
        double min = c.getConfigurationParameter(THRESHOLD_PRIVACY_MIN).map(v -> {
            try {
                double x = Double.parseDouble(v.trim());
                if (x >= 0 && x <= 1) return x;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new ExtensionConfigurationException("configuration parameter " + THRESHOLD_PRIVACY_MIN + " = '"
                    + v + "' is not a number within 0..1 (0 turns the check off)");
        }).orElse(d.privacyMin());
        dev.discreet.auditors.ScoringProfile profile = c.getConfigurationParameter(THRESHOLD_PROFILE).map(v -> {
            try {
                return dev.discreet.auditors.ScoringProfile.of(v);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("configuration parameter " + THRESHOLD_PROFILE + ": "
                        + e.getMessage(), e);
            }
        }).orElse(d.profile());
        return Optional.of(new Thresholds(bool(c, THRESHOLD_SUCCESS, d.success()), min,
                bool(c, THRESHOLD_NO_FORBIDDEN_READ, d.noForbiddenRead()), bool(c, THRESHOLD_NO_TRAP, d.noTrap()),
                profile));
    }

    private static boolean bool(ExtensionContext c, String key, boolean dflt) {
        return c.getConfigurationParameter(key).map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ExtensionConfigurationException("configuration parameter " + key + " = '" + v
                    + "' is not true or false");
        }).orElse(dflt);
    }
}
