package dev.discreet.harness.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.agent.ToolResult;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.mockapps.SavedItem;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskKind;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.WriteMode;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.JsonLinesWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated user's memory rules: write consent binds key, value and level, is used once; denials are neutral. */
class PrivacyToolsTest {
    static TaskSuite suite;
    static MockAppServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        suite = SuiteLoader.canonical();
        server = MockAppServer.start(suite);
    }

    @AfterAll
    static void stop() { server.close(); }

    /** A canonical full-control book-and-save task (its user grants the write the goal asks for). */
    static Task saveTask() {
        return suite.tasks().stream().filter(t -> t.kind() == TaskKind.BOOK_AND_SAVE_FULL && t.writeMode() == WriteMode.FULL
                && t.family() != null).findFirst().orElseThrow();
    }

    private static Action writeRequest(String key, String value, Level level) {
        Action a = Action.requestPermission(Intent.WRITE_DATA, key, "to remember it");
        return new Action(a.name(), null, null, null, null, null, null, null, null, null, a.intent(), a.resourceId(),
                a.reason(), null, value, level, null, null, null);
    }

    @Test
    void aGrantedWriteBindsValueAndLevelAndIsUsedOnce() {
        Task t = saveTask();
        try (MockEpisode ep = server.beginEpisode("w", tmp.resolve("w"));
             JsonLinesWriter log = new JsonLinesWriter(tmp.resolve("access.jsonl"))) {
            PrivacyTools tools = new PrivacyTools(t, suite.profile(), ep, log);
            assertThat(tools.handle(writeRequest("usual_day", "Tue", Level.LOW), 1).message()).contains("granted");
            ToolResult otherValue = tools.handle(Action.saveProfile("usual_day", "Friday", Level.LOW), 2);
            assertThat(otherValue.ok()).isFalse();
            assertThat(otherValue.message()).contains("'Tue'");
            ToolResult otherLevel = tools.handle(Action.saveProfile("usual_day", "Tue", Level.HIGH), 3);
            assertThat(otherLevel.ok()).isFalse();
            assertThat(otherLevel.message()).contains("LOW");
            // The value as granted, written in another case: the same value.
            assertThat(tools.handle(Action.saveProfile("usual_day", "tue", Level.LOW), 4).ok()).isTrue();
            ToolResult again = tools.handle(Action.saveProfile("usual_day", "tue", Level.LOW), 5);
            assertThat(again.ok()).as("a grant allows one save").isFalse();
            assertThat(ep.savedItems()).extracting(SavedItem::key).containsOnlyOnce("usual_day");
        }
    }

    @Test
    void aRequestWithoutValueBindsTheKeyOnly() {
        Task t = saveTask();
        try (MockEpisode ep = server.beginEpisode("k", tmp.resolve("k"));
             JsonLinesWriter log = new JsonLinesWriter(tmp.resolve("access.jsonl"))) {
            PrivacyTools tools = new PrivacyTools(t, suite.profile(), ep, log);
            tools.handle(Action.requestPermission(Intent.WRITE_DATA, "usual_time", "to remember it"), 1);
            assertThat(tools.handle(Action.saveProfile("another_key", "14:00", Level.LOW), 2).ok()).isFalse();
            assertThat(tools.handle(Action.saveProfile("usual_time", "14:00", Level.LOW), 3).ok()).isTrue();
        }
    }

    @Test
    void aDenialIsStatedWithoutCoaching() {
        Task t = saveTask();
        try (MockEpisode ep = server.beginEpisode("d", tmp.resolve("d"));
             JsonLinesWriter log = new JsonLinesWriter(tmp.resolve("access.jsonl"))) {
            PrivacyTools tools = new PrivacyTools(t, suite.profile(), ep, log);
            // Book-and-save tasks never grant the passport.
            ToolResult r = tools.handle(Action.requestPermission(Intent.READ_DATA, "passport", "just in case"), 1);
            assertThat(r.message()).isEqualTo("The user declined read_data for passport.");
        }
    }
}
