package dev.discreet.harness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildEnvironmentAndTempFoldersTest {
    @TempDir
    Path tmp;

    @Test
    void credentialsAndTheNamedKeyVariableAreSecretOrdinaryVariablesAreNot() {
        ChildEnvironment.registerSecret("MY_MODEL_CREDS_VAR");
        Map<String, String> env = Map.of("OPENAI_API_KEY", "k", "OPENROUTER_API_KEY", "k", "HF_TOKEN", "t",
                "GITHUB_TOKEN", "t", "AWS_SECRET_ACCESS_KEY", "s", "MY_MODEL_CREDS_VAR", "k", "DB_PASSWORD", "p",
                "PATH", "/usr/bin", "HOME", "/root", "TOKENIZERS_PARALLELISM", "false");
        assertThat(ChildEnvironment.secretsIn(env)).containsExactly("AWS_SECRET_ACCESS_KEY", "DB_PASSWORD",
                "GITHUB_TOKEN", "HF_TOKEN", "MY_MODEL_CREDS_VAR", "OPENAI_API_KEY", "OPENROUTER_API_KEY");
    }

    @Test
    void aSweepRemovesFoldersOfDeadProcessesOnly() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        long gone = dead.pid();
        long me = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid(); // alive: the build that runs us
        Path stale1 = Files.createDirectories(tmp.resolve("discreet-chromium-" + gone + "-123"));
        Files.writeString(stale1.resolve("Local State"), "{}");
        Path stale2 = Files.createDirectories(tmp.resolve("discreet-mock-apps-" + gone + "-456/episodes"));
        Path mine = Files.createDirectories(tmp.resolve("discreet-chromium-" + me + "-1"));
        Path other = Files.createDirectories(tmp.resolve("discreet-mock-apps-" + parent + "-2"));
        Path oldStyle = Files.createDirectories(tmp.resolve("discreet-chromium-8473625"));
        assertThat(TempFolders.sweep(tmp)).containsExactlyInAnyOrder(stale1, stale2.getParent());
        assertThat(stale1).doesNotExist();
        assertThat(stale2.getParent()).doesNotExist();
        assertThat(mine).exists();
        assertThat(other).exists();
        assertThat(oldStyle).exists(); // no owner in the name: it may belong to a run of an older version
        assertThat(TempFolders.prefix("chromium")).isEqualTo("discreet-chromium-" + me + "-");
    }
}
