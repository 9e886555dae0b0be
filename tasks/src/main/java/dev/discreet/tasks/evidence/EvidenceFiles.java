package dev.discreet.tasks.evidence;

/**
 * File names of an episode's evidence bundle. A bundle is self-contained: it holds the task, the profile and the
 * app schemas it was run with, so it re-audits offline without the suite or a device.
 */
public final class EvidenceFiles {
    public static final String EPISODE = "episode.json";
    public static final String TASK = "task.json";
    public static final String PROFILE = "profile.json";
    public static final String APPS = "apps.json";
    public static final String TRAJECTORY = "trajectory.jsonl";
    public static final String ENTRIES = "entries.jsonl";
    public static final String ACCESS = "access.jsonl";
    public static final String DB = "db.json";
    public static final String AUDIT = "audit.json";
    public static final String SCREENS = "screens";
    public static final String MANIFEST = "manifest.json";

    private EvidenceFiles() {}

    public static String screenshot(int step) { return screenshot(step, "png"); }

    /** The screenshot file of a step with the capture's extension ({@code jpg}, {@code png}). */
    public static String screenshot(int step, String extension) {
        return SCREENS + "/step-" + String.format("%04d", step) + "." + extension;
    }

    public static String elements(int step) {
        return SCREENS + "/step-" + String.format("%04d", step) + ".elements.json";
    }
}
