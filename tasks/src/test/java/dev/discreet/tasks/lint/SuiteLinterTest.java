package dev.discreet.tasks.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.tasks.families.SuiteGenerator;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLinterTest {
    static final Path SOURCE = Path.of("src/main/resources/discreet-suite");

    @Test
    void canonicalSuiteIsClean() {
        assertThat(SuiteLinter.lint(SOURCE)).isEmpty();
    }

    @Test
    void otherSeedsGiveCleanFreshVariants(@TempDir Path tmp) {
        TaskSuite base = SuiteLoader.load(SOURCE);
        for (long seed : new long[] {1, 42}) {
            Path out = tmp.resolve("s" + seed);
            SuiteGenerator.write(SuiteGenerator.generate(base, seed), base, out);
            assertThat(SuiteLinter.lint(out)).as("seed " + seed).isEmpty();
            TaskSuite variant = SuiteLoader.load(out);
            assertThat(variant.tasks()).hasSize(350);
            assertThat(variant.hash()).isNotEqualTo(base.hash());
        }
    }

    @Test
    void reportsEachProblemWithFileAndJsonPath(@TempDir Path tmp) throws Exception {
        TaskSuite base = SuiteLoader.load(SOURCE);
        SuiteGenerator.write(SuiteGenerator.generate(base, SuiteGenerator.CANONICAL_SEED), base, tmp);
        Path f = tmp.resolve("tasks/restaurant/restaurant-001.json");
        String json = Files.readString(f)
                .replaceFirst("\"column\" : \"item_name\"", "\"column\" : \"restaurant_name\"")
                .replaceFirst("\"label\" : \"Full name\"", "\"label\" : \"Your full legal name\"")
                .replaceFirst("\"table\" : \"bookings\"", "\"table\" : \"reservations\"");
        Files.writeString(f, json);
        Path g = tmp.resolve("tasks/hotel/hotel-003.json");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) dev.discreet.tasks.Json.mapper().readTree(g.toFile());
        var required = (com.fasterxml.jackson.databind.node.ArrayNode) tree.path("classification").path("required");
        required.remove(0); // full_name: still used by the plan and the rules
        Files.writeString(g, dev.discreet.tasks.Json.pretty(tree));
        List<LintProblem> problems = SuiteLinter.lint(tmp);
        assertThat(problems).extracting(LintProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("tasks/restaurant/restaurant-001.json: at $.success[0].table: app 'restaurant' has no table 'reservations'"));
        assertThat(problems).extracting(LintProblem::toString).anySatisfy(p -> assertThat(p)
                .contains("restaurant-001.json: at $.plan[").contains(".label: label 'Your full legal name' is not rendered"));
        assertThat(problems).extracting(LintProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("tasks/hotel/hotel-003.json: at $.classification: profile key 'full_name'")
                .contains("is not classified"));
    }

    /** A generated copy of the canonical suite to break on purpose. */
    private static Path copy(Path tmp) {
        TaskSuite base = SuiteLoader.load(SOURCE);
        SuiteGenerator.write(SuiteGenerator.generate(base, SuiteGenerator.CANONICAL_SEED), base, tmp);
        return tmp;
    }

    private static void edit(Path f, java.util.function.UnaryOperator<String> change) throws Exception {
        String before = Files.readString(f);
        String after = change.apply(before);
        assertThat(after).as("the edit of " + f.getFileName() + " changed something").isNotEqualTo(before);
        Files.writeString(f, after);
    }

    @Test
    void everyStatedValueAndRequiredFieldMustBeChecked(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        // hotel-001 asks for 1 guest, 5 nights, on Friday at 13:30: drop the guests, nights and time checks, loosen
        // the phone check.
        edit(dir.resolve("tasks/hotel/hotel-001.json"), j -> j
                .replaceFirst("\\{\\s*\"column\" : \"guests\",\\s*\"op\" : \"==\",\\s*\"value\" : \"1\"\\s*},", "")
                .replaceFirst("\\{\\s*\"column\" : \"nights\",\\s*\"op\" : \"==\",\\s*\"value\" : \"5\"\\s*},", "")
                .replaceFirst("\\{\\s*\"column\" : \"time\",\\s*\"op\" : \"==\",\\s*\"value\" : \"13:30\"\\s*},", "")
                .replace("%503%555%0147", "%000%"));
        List<String> p = SuiteLinter.lint(dir).stream().map(LintProblem::toString).toList();
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/hotel/hotel-001.json: at $.success:")
                .contains("the goal says '1 guest' but no success rule checks the number 1"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/hotel/hotel-001.json: at $.success:")
                .contains("the goal says '5 nights' but no success rule checks the number 5"));
        assertThat(p).anySatisfy(x -> assertThat(x).contains("hotel-001.json: at $.plan[")
                .contains("the required field 'nights' gets a value (\"5\") that no success rule checks"));
        assertThat(p).anySatisfy(x -> assertThat(x).contains("hotel-001.json").contains("the goal asks for 13:30 but no success rule pins time"));
        assertThat(p).anySatisfy(x -> assertThat(x).contains("hotel-001.json: at $.plan[")
                .contains("the required field 'phone' gets a value ({{profile.phone}}) that no success rule checks"));
        assertThat(p).anySatisfy(x -> assertThat(x).contains("hotel-001.json: at $.plan[")
                .contains("the required field 'guests' gets a value (\"1\") that no success rule checks"));
    }

    @Test
    void aSuperlativeGoalMustPinThePlace(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        TaskSuite s = SuiteLoader.load(dir);
        // The DMV's shortest-wait task: any office of the service with the shortest wait, pinned by item_name IN.
        dev.discreet.tasks.Task t = s.tasks().stream().filter(x -> "shortest-wait".equals(x.family())).findFirst().orElseThrow();
        assertThat(t.app()).isEqualTo("dmv");
        assertThat(t.goal()).containsIgnoringCase("shortest");
        edit(dir.resolve("tasks/dmv/" + t.id() + ".json"), j -> j.replaceFirst(
                "\\{\\s*\"column\" : \"item_name\",\\s*\"op\" : \"IN\",\\s*\"value\" : \\[[^\\]]*]\\s*},", ""));
        List<String> p = SuiteLinter.lint(dir).stream().map(LintProblem::toString).toList();
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/dmv/" + t.id() + ".json: at $.success:")
                .contains("the goal asks for the shortest"));
    }

    @Test
    void relativeDatesResolveAgainstTheCalendarStart() {
        // Start Thursday 10 December 2026; weeks run Monday to Sunday, so this week is Mon 7 - Sun 13 December.
        var cal = new dev.discreet.tasks.ListingSpec.Calendar("2026-12-10", 3);
        List<String> got = GoalChecks.relativeDates(cal, "today, this Friday, this Monday, next Monday, Friday next week,"
                + " Saturday 12 December, Friday 12 December, 2 January").stream()
                .map(x -> x[0] + "=" + x[1]).toList();
        assertThat(got).containsExactly(
                "today=2026-12-10",            // the start itself
                "this Friday=2026-12-11",      // Mon 7 + 4
                "this Monday=null",            // Mon 7 December: already past
                "next Monday=2026-12-14",      // Mon 7 + 7
                "Friday next week=2026-12-18", // Mon 7 + 7 + 4
                "Saturday 12 December=2026-12-12",
                "Friday 12 December=null",     // 12 December 2026 is a Saturday
                "2 January=null");             // 2027-01-02: past the three weeks (10 - 30 December)
    }

    @Test
    void aRelativeDateMustBePinnedByDate(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        TaskSuite s = SuiteLoader.load(dir);
        // A restaurant task whose goal names a date relative to today (the app's calendar starts 2026-12-10).
        dev.discreet.tasks.Task t = s.tasks().stream().filter(x -> x.app().equals("restaurant") && x.pair() == null
                        && java.util.regex.Pattern.compile("\\b(this|next) [A-Z][a-z]+day\\b").matcher(x.goal()).find())
                .findFirst().orElseThrow();
        String date = t.success().get(0).where().stream().filter(c -> c.column().equals("date")).findFirst().orElseThrow()
                .value().asText();
        edit(dir.resolve("tasks/restaurant/" + t.id() + ".json"), j -> j.replaceFirst(
                "\\{\\s*\"column\" : \"date\",\\s*\"op\" : \"==\",\\s*\"value\" : \"" + date + "\"\\s*},", ""));
        List<String> p = SuiteLinter.lint(dir).stream().map(LintProblem::toString).toList();
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/restaurant/" + t.id() + ".json: at $.success:")
                .contains("(" + date + " from today, 2026-12-10) but no success rule pins date to it"));
    }

    @Test
    void aRatingCutMustBePinnedToPlacesThatClearIt(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        TaskSuite s = SuiteLoader.load(dir);
        dev.discreet.tasks.Task t = s.tasks().stream().filter(x -> "rating-at-least".equals(x.family())
                && x.app().equals("hotel")).findFirst().orElseThrow();
        var cat = s.catalogue("hotel").orElseThrow();
        var in = t.success().get(0).where().stream().filter(c -> c.column().equals("item_name")).findFirst().orElseThrow();
        double cut = Double.parseDouble(t.goal().replaceAll(".*?(\\d\\.\\d).*", "$1"));
        assertThat(cut).isIn(4.2, 4.5);
        // Every place the rule takes clears the cut; some places of the category do not (the cut matters).
        java.util.Set<String> allowed = new java.util.HashSet<>();
        in.value().forEach(n -> allowed.add(n.asText()));
        String category = t.success().get(0).where().stream().filter(c -> c.column().equals("category")).findFirst()
                .orElseThrow().value().asText();
        assertThat(cat.entries()).filteredOn(e -> allowed.contains(e.name())).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.rating()).isGreaterThanOrEqualTo(cut));
        var below = cat.entries().stream().filter(e -> e.category().equals(category) && e.rating() < cut).findFirst().orElseThrow();
        // Let a place below the cut through: the linter names the cut.
        String first = in.value().get(0).asText();
        edit(dir.resolve("tasks/hotel/" + t.id() + ".json"), j -> j.replaceFirst("\"" + java.util.regex.Pattern.quote(first) + "\"",
                "\"" + first + "\", \"" + below.name() + "\""));
        List<String> p = SuiteLinter.lint(dir).stream().map(LintProblem::toString).toList();
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/hotel/" + t.id() + ".json: at $.success:")
                .contains("the goal asks for a rating of at least " + cut));
    }

    @Test
    void proseArtefactsAndAmbiguousLabelsAreRejected(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        edit(dir.resolve("tasks/hotel/hotel-001.json"), j -> j.replaceFirst("\"goal\" : \"", "\"goal\" : \"Can you stay me a stay, (at a hotel). "));
        edit(dir.resolve("tasks/hotel/hotel-002.json"), j -> j.replaceFirst("\"goal\" : \"", "\"goal\" : \"I need a appointment. "));
        edit(dir.resolve("apps/hotel.json"), j -> j.replace("\"Mobile number for reminders\"", "\"Phone number for reminders\""));
        List<String> p = SuiteLinter.lint(dir).stream().map(LintProblem::toString).toList();
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/hotel/hotel-001.json: at $.goal: prose artefact: a comma before a parenthesis"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/hotel/hotel-001.json: at $.goal: prose artefact: a verb repeated"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("tasks/hotel/hotel-002.json: at $.goal: prose artefact: 'a' before a vowel"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("apps/hotel.json: at $.forms[0].fields: label 'Phone number for reminders'")
                .contains("contains label 'Phone number'"));
    }

    @Test
    void aLaterSessionThatAGuessPassesIsRejected(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        TaskSuite s = SuiteLoader.load(dir);
        // hotel-p03: A saves a time; B books one place at it. A guess picks one of that place's open times.
        dev.discreet.tasks.Task b = s.task("hotel-p03b").orElseThrow();
        String saved = s.task("hotel-p03a").orElseThrow().expectedSave().value();
        String place = b.success().get(0).where().stream().filter(c -> c.column().equals("item_name")).findFirst()
                .orElseThrow().value().asText();
        var cat = s.catalogue("hotel").orElseThrow();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        cat.bookings().forEach(x -> taken.add(x.optionId()));
        long times = cat.entries().stream().filter(e -> e.name().equals(place)).flatMap(e -> e.options().stream())
                .filter(o -> !taken.contains(o.id())).map(dev.discreet.tasks.ListingEntry.Option::time).distinct().count();
        assertThat(times).isGreaterThanOrEqualTo(4);
        assertThat(GoalChecks.guessChance(s, b, saved)).hasValue(1.0 / times);
        // Leave that place a single open time (the saved one): a guess is certain, and the linter says so.
        Path catFile = dir.resolve("catalogue/hotel.json");
        var tree = dev.discreet.tasks.Json.mapper().readTree(catFile.toFile());
        for (var e : tree.path("entries")) {
            if (!e.path("name").asText().equals(place)) continue;
            var opts = (com.fasterxml.jackson.databind.node.ArrayNode) e.path("options");
            for (int i = opts.size() - 1; i >= 0; i--) if (!opts.get(i).path("time").asText().equals(saved)) opts.remove(i);
        }
        Files.writeString(catFile, dev.discreet.tasks.Json.pretty(tree));
        assertThat(SuiteLinter.lint(dir)).extracting(LintProblem::toString).anySatisfy(x -> assertThat(x)
                .startsWith("tasks/hotel/hotel-p03b.json: at $.success: a guess passes B without the saved preference with chance 1.00"));
    }
}
