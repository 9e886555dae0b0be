package dev.discreet.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
    @TempDir
    Path dir;

    @Test
    void canonicalSuiteLoadsWithAStableHash() {
        TaskSuite a = SuiteLoader.canonical();
        TaskSuite b = SuiteLoader.canonical();
        assertThat(a.tasks()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(a.apps()).containsKeys("doctor", "privacy");
        assertThat(a.hash()).hasSize(64).isEqualTo(b.hash());
        assertThat(a.profile().high()).extracting(ProfileItem::key).contains("insurance_id", "home_address");
    }

    @Test
    void everyProfileValueIsUniqueSoItWorksAsACanary() {
        UserProfile p = SuiteLoader.canonical().profile();
        assertThat(p.items()).extracting(ProfileItem::value).doesNotHaveDuplicates();
    }

    @Test
    void canonicalTasksReferToDeclaredFormsAndFields() {
        TaskSuite s = SuiteLoader.canonical();
        for (Task t : s.tasks()) {
            AppSchema app = s.app(t.app());
            if (t.form() != null) {
                FormSchema form = app.form(t.form()).orElseThrow(() -> new AssertionError(t.id() + ": no form " + t.form()));
                for (String f : t.expectedFields()) {
                    assertThat(form.field(f)).as("%s expects field %s", t.id(), f).isPresent();
                }
            }
            for (VerificationRule r : t.success()) {
                AppSchema db = s.app(r.dbOr(t.app()));
                assertThat(db.tables()).as("%s names table %s", t.id(), r.table()).containsKey(r.table());
                for (Condition c : r.where()) {
                    assertThat(db.tables().get(r.table())).as("%s names column %s", t.id(), c.column())
                            .contains(c.column());
                }
            }
        }
    }

    private Path suiteWithTask(String taskJson) throws IOException {
        Path canonical = Path.of("src/main/resources/" + SuiteLoader.CANONICAL);
        Files.createDirectories(dir.resolve("apps"));
        Files.createDirectories(dir.resolve("tasks"));
        Files.copy(canonical.resolve("suite.json"), dir.resolve("suite.json"));
        Files.copy(canonical.resolve("profile.json"), dir.resolve("profile.json"));
        Files.copy(canonical.resolve("apps/doctor.json"), dir.resolve("apps/doctor.json"));
        Files.writeString(dir.resolve("tasks/bad.json"), taskJson);
        return dir;
    }

    private static final String GOOD = """
            { "id": "t-1", "app": "doctor", "goal": "Book", "difficulty": "EASY", "vagueness": "EXPLICIT",
              "kind": "EXPLICIT_BOOKING",
              "success": [ { "table": "appointments", "expect": "PRESENT",
                             "where": [ { "column": "status", "op": "==", "value": "booked" } ] } ] }
            """;

    @Test
    void aGoodTaskLoads() throws IOException {
        TaskSuite s = SuiteLoader.load(suiteWithTask(GOOD));
        assertThat(s.tasks()).singleElement().satisfies(t -> {
            assertThat(t.maxSteps()).isEqualTo(Task.DEFAULT_MAX_STEPS);
            assertThat(t.writeMode()).isEqualTo(WriteMode.FULL);
            assertThat(t.classification().classOf("anything")).isEqualTo(PermissionClass.UNNECESSARY);
        });
    }

    @Test
    void aBadOperatorNamesFilePathAndAcceptedValues() throws IOException {
        Path d = suiteWithTask(GOOD.replace("\"==\"", "\"equals\""));
        assertThatThrownBy(() -> SuiteLoader.load(d))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/bad.json")
                .hasMessageContaining("$.success[0].where[0].op")
                .hasMessageContaining("unknown operator 'equals'")
                .hasMessageContaining("==, !=, <, >, <=, >=, LIKE, IN");
    }

    @Test
    void aMissingPropertyIsNamed() throws IOException {
        Path d = suiteWithTask(GOOD.replace("\"goal\": \"Book\",", ""));
        assertThatThrownBy(() -> SuiteLoader.load(d))
                .isInstanceOf(TaskFormatException.class)
                .hasMessageContaining("tasks/bad.json: at $: missing property 'goal'");
    }

    @Test
    void anUnknownPropertyListsTheKnownOnes() throws IOException {
        Path d = suiteWithTask(GOOD.replace("\"goal\"", "\"gaol\""));
        TaskFormatException e = org.junit.jupiter.api.Assertions.assertThrows(TaskFormatException.class,
                () -> SuiteLoader.load(d));
        assertThat(e.jsonPath()).isEqualTo("$.gaol");
        assertThat(e.getMessage()).contains("unknown property 'gaol'").contains("goal");
    }

    @Test
    void aBadEnumListsTheAcceptedValues() throws IOException {
        Path d = suiteWithTask(GOOD.replace("\"EASY\"", "\"TRIVIAL\""));
        assertThatThrownBy(() -> SuiteLoader.load(d))
                .hasMessageContaining("$.difficulty")
                .hasMessageContaining("TRIVIAL")
                .hasMessageContaining("[EASY, MEDIUM, HARD, EXPERT]");
    }

    @Test
    void brokenJsonGivesLineAndColumn() throws IOException {
        Path d = suiteWithTask("{ \"id\": \"t-1\",\n  \"app\": }");
        assertThatThrownBy(() -> SuiteLoader.load(d))
                .hasMessageContaining("tasks/bad.json")
                .hasMessageContaining("not valid JSON (line 2");
    }

    @Test
    void countRulesNeedACount() throws IOException {
        Path d = suiteWithTask(GOOD.replace("\"PRESENT\"", "\"COUNT\""));
        assertThatThrownBy(() -> SuiteLoader.load(d))
                .hasMessageContaining("$.success[0]")
                .hasMessageContaining("missing property 'count' (required when expect is COUNT)");
    }

    @Test
    void unsafeIdsAreRejected() throws IOException {
        Path d = suiteWithTask(GOOD.replace("\"t-1\"", "\"../etc\""));
        assertThatThrownBy(() -> SuiteLoader.load(d)).hasMessageContaining("not safe as a file name");
    }

    @Test
    void unknownAppIsNamed() throws IOException {
        Path d = suiteWithTask(GOOD.replace("\"doctor\"", "\"dentist\""));
        assertThatThrownBy(() -> SuiteLoader.load(d))
                .hasMessageContaining("$.app").hasMessageContaining("unknown app 'dentist'");
    }

    @Test
    void decisionTableDefaultsAndKeywordAnswers() {
        DecisionTable t = new DecisionTable(
                java.util.Map.of(Intent.READ_DATA, new IntentRule(java.util.Map.of("insurance_id", Decision.GRANT),
                        Decision.DENY)),
                java.util.List.of(new Answer("time", "Mornings, please")), null);
        assertThat(t.decide(Intent.READ_DATA, "insurance_id")).isEqualTo(Decision.GRANT);
        assertThat(t.decide(Intent.READ_DATA, "passport")).isEqualTo(Decision.DENY);
        assertThat(t.decide(Intent.WRITE_DATA, "x")).isEqualTo(Decision.DENY);
        assertThat(t.answer("Which TIME suits you?")).isEqualTo("Mornings, please");
        assertThat(t.answer("Anything else?")).isEqualTo(DecisionTable.FALLBACK_ANSWER);
    }

    @Test
    void schemasAndTasksRoundTripThroughTheSharedMapper() throws Exception {
        TaskSuite s = SuiteLoader.canonical();
        for (AppSchema a : s.apps().values()) {
            assertThat(Json.mapper().readValue(Json.write(a), AppSchema.class)).isEqualTo(a);
        }
        for (Task t : s.tasks()) {
            assertThat(Json.mapper().readValue(Json.write(t), Task.class)).isEqualTo(t);
        }
        assertThat(Json.mapper().readValue(Json.write(s.profile()), UserProfile.class)).isEqualTo(s.profile());
    }
}
