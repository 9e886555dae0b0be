package dev.discreet.harness.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which variables of this process's environment must not reach the processes the harness starts (Appium and,
 * through it, chromedriver and Chromium): the variable named by {@code --api-key-env} and anything that looks like a
 * credential. Only the model client needs the key; a child that inherits it could leak it into a log or a crash dump.
 */
public final class ChildEnvironment {
    private ChildEnvironment() {}

    /** Names that hold credentials by convention (OPENAI_API_KEY, HF_TOKEN, AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, …). */
    static final Pattern SECRET = Pattern.compile("(?i).*(API_?KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)(_.*)?");

    private static final Set<String> NAMED = ConcurrentHashMap.newKeySet();

    /** Marks a variable as secret whatever its name (the model agent registers the one it reads its key from). */
    public static void registerSecret(String name) {
        if (name != null && !name.isBlank()) NAMED.add(name);
    }

    /** The variables of {@code env} that must be removed from a child's environment, sorted. */
    public static Set<String> secretsIn(Map<String, String> env) {
        Set<String> out = new TreeSet<>();
        for (String name : env.keySet()) {
            if (NAMED.contains(name) || SECRET.matcher(name).matches()) out.add(name);
        }
        return out;
    }
}
