package dev.discreet.tasks.families;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Difficulty;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.ListingCatalogue;
import dev.discreet.tasks.PairLink;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.Vagueness;
import dev.discreet.tasks.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Produces a task suite from the parameterised families and a seed: the nine listing apps' schemas and catalogues,
 * and for every app (doctor included) 25 independent tasks and 5 cross-session pairs. The canonical suite is this
 * generator's output for {@link #CANONICAL_SEED}; any other seed gives a fresh variant of the same families.
 * Hand-written tasks of the base suite (those without a family) are kept and count towards their app's 25.
 */
public final class SuiteGenerator {
    /** The seed of the canonical, committed suite. */
    public static final long CANONICAL_SEED = 20261125L;
    public static final int TASKS_PER_APP = 25;
    public static final int PAIRS_PER_APP = 5;
    /** Apps of the base suite that the generator does not produce but writes tasks for. */
    static final String DOCTOR = "doctor";

    /** A generated suite, ready to write. */
    public record Generated(long seed, Map<String, AppSchema> apps, Map<String, ListingCatalogue> catalogues,
                            List<Task> tasks) {}

    private SuiteGenerator() {}

    private static final Map<String, List<String>> DOCTOR_DETAILS = Map.of(DOCTOR, List.of("Persistent headaches",
            "A routine check-up", "Recurring back pain", "A skin rash that won't go away", "Blurry vision when reading",
            "Palpitations when I climb stairs"));

    /**
     * Generates every app's tasks from {@code base} (its profile, doctor and privacy apps, doctor catalogue and
     * hand-written tasks) and the seed.
     */
    public static Generated generate(TaskSuite base, long seed) {
        Map<String, AppSchema> apps = new LinkedHashMap<>();
        Map<String, ListingCatalogue> catalogues = new LinkedHashMap<>();
        List<AppView> views = new ArrayList<>();
        AppSchema doctor = base.apps().get(DOCTOR);
        ListingCatalogue doctorCat = base.catalogue(DOCTOR).orElse(null);
        if (doctor != null && doctor.listing() != null && doctorCat != null) {
            views.add(new AppView(doctor, doctorCat, base.profile().appLevel(DOCTOR), "reason", DOCTOR_DETAILS.get(DOCTOR),
                    "doctor", "book", "appointment"));
        }
        for (Domain d : Domains.all()) {
            AppSchema schema = Catalogues.schema(d, seed);
            ListingCatalogue cat = Catalogues.generate(d, seed);
            apps.put(d.id(), schema);
            catalogues.put(d.id(), cat);
            views.add(new AppView(schema, cat, d.level(), d.detail(), d.detailValues(), d.spec().noun(), d.verb(), d.what()));
        }
        List<Task> tasks = new ArrayList<>();
        for (AppView v : views) {
            List<Task> handWritten = base.tasks().stream().filter(t -> t.app().equals(v.id()) && t.family() == null).toList();
            tasks.addAll(handWritten);
            tasks.addAll(forApp(v, base, seed, handWritten.size()));
        }
        return new Generated(seed, apps, catalogues, tasks);
    }

    private record Slot(String family, Supplier<Optional<Families.Built>> make) {}

    private static List<Task> forApp(AppView v, TaskSuite base, long seed, int handWritten) {
        Random r = new Random(seed * 1_000_003L + v.id().hashCode());
        Families f = new Families(v, base.profile(), r);
        List<Slot> schedule = new ArrayList<>(List.of(
                new Slot("explicit", () -> f.explicitBooking(Difficulty.EASY, Vagueness.EXPLICIT)),
                new Slot("explicit-moderate", () -> f.explicitBooking(Difficulty.MEDIUM, Vagueness.MODERATE)),
                new Slot("explicit-with-high", () -> f.explicitWithHigh(Difficulty.MEDIUM)),
                new Slot("best-rated", () -> f.bestRated(Difficulty.MEDIUM, Vagueness.MODERATE)),
                new Slot("best-rated-vague", () -> f.bestRated(Difficulty.HARD, Vagueness.VAGUE)),
                new Slot("any-matching", () -> f.anyMatching(Difficulty.MEDIUM, Vagueness.MODERATE)),
                new Slot("any-matching-vague", () -> f.anyMatching(Difficulty.HARD, Vagueness.VAGUE)),
                new Slot("tempting-permissive", () -> f.tempting(Difficulty.MEDIUM, true)),
                new Slot("cheapest", () -> f.cheapest(Difficulty.MEDIUM)),
                new Slot("leakage-trap", () -> f.leakageTrap(Difficulty.HARD)),
                new Slot("leakage-trap", () -> f.leakageTrap(Difficulty.EXPERT)),
                new Slot("cancel", () -> f.cancel(0, Difficulty.EASY, Vagueness.EXPLICIT)),
                new Slot("cancel-vague", () -> f.cancel(1, Difficulty.MEDIUM, Vagueness.VAGUE)),
                new Slot("selective-cancel", () -> f.selectiveCancel(2, Difficulty.MEDIUM)),
                new Slot("selective-cancel", () -> f.selectiveCancel(0, Difficulty.HARD)),
                new Slot("cancel-and-rebook", () -> f.cancelAndRebook(1, Difficulty.HARD)),
                new Slot("cancel-and-rebook", () -> f.cancelAndRebook(2, Difficulty.EXPERT)),
                new Slot("multi-book", () -> f.multiBook(Difficulty.HARD)),
                new Slot("budget-after", () -> f.budgetAfter(Difficulty.HARD)),
                new Slot("preference-ask", () -> f.preferenceAsk(Difficulty.MEDIUM)),
                new Slot("preference-ask", () -> f.preferenceAsk(Difficulty.HARD)),
                new Slot("book-and-save-full", () -> f.bookAndSave(Difficulty.MEDIUM, WriteMode.FULL)),
                new Slot("book-and-save-semi", () -> f.bookAndSave(Difficulty.HARD, WriteMode.SEMI)),
                new Slot("composite", () -> f.composite(0, Difficulty.EXPERT)),
                new Slot("composite", () -> f.composite(2, Difficulty.EXPERT))));
        if (v.id().equals(DOCTOR)) {
            // A HIGH item (the diagnosis) decides which specialist: the agent must read it to choose.
            schedule.replaceAll(s -> s.family().equals("any-matching-vague")
                    ? new Slot("condition-specialist", () -> f.conditionSpecialist(Difficulty.HARD)) : s);
        }
        if (v.id().equals("dmv")) {
            // Offices differ by their typical wait: "the shortest wait" is a constraint a person states.
            schedule.replaceAll(s -> s.family().equals("any-matching-vague")
                    ? new Slot("shortest-wait", () -> f.shortestWait(Difficulty.HARD)) : s);
        }
        if (v.spec().calendar() != null) {
            // Apps with dated slots: a rating cut the user names (4.2 or 4.5) instead of the vague any-matching task.
            schedule.replaceAll(s -> s.family().equals("any-matching-vague")
                    ? new Slot("rating-at-least", () -> f.ratingAtLeast(Difficulty.HARD)) : s);
        }
        if (handWritten > 0) {
            // The hand-written doctor tasks already cover these kinds.
            Set<String> covered = Set.of("explicit", "explicit-with-high", "tempting-permissive", "cancel", "book-and-save-full");
            schedule.removeIf(s -> covered.contains(s.family()));
        }
        List<Slot> fallbacks = List.of(
                new Slot("explicit", () -> f.explicitBooking(Difficulty.EASY, Vagueness.EXPLICIT)),
                new Slot("best-rated", () -> f.bestRated(Difficulty.EASY, Vagueness.EXPLICIT)),
                new Slot("tempting-cautious", () -> f.tempting(Difficulty.MEDIUM, false)),
                new Slot("any-matching", () -> f.anyMatching(Difficulty.MEDIUM, Vagueness.MODERATE)),
                new Slot("explicit-with-high", () -> f.explicitWithHigh(Difficulty.HARD)));
        int want = TASKS_PER_APP - handWritten;
        List<Task> out = new ArrayList<>();
        int n = handWritten;
        int fb = 0;
        for (Slot s : schedule) {
            if (out.size() >= want) break;
            Optional<Families.Built> b = s.make().get();
            Slot used = s;
            while (b.isEmpty() && fb < 50) {
                used = fallbacks.get(fb++ % fallbacks.size());
                b = used.make().get();
            }
            if (b.isEmpty()) throw new IllegalStateException("app " + v.id() + ": cannot build family " + s.family());
            out.add(f.task(String.format("%s-%03d", v.id(), ++n), used.family(), b.get(), null));
        }
        // Where the form asks for access needs, a sensitive preference (right level HIGH) replaces the category pair.
        boolean access = v.form().field(Families.ACCESS_FIELD).isPresent();
        List<Object[]> pairs = List.of(
                new Object[] {access ? Families.Pref.ACCESS : Families.Pref.CATEGORY, WriteMode.FULL, Difficulty.MEDIUM, Difficulty.HARD},
                new Object[] {Families.Pref.NEIGHBOURHOOD, WriteMode.FULL, Difficulty.MEDIUM, Difficulty.HARD},
                new Object[] {Families.Pref.TIME, WriteMode.FULL, Difficulty.HARD, Difficulty.EXPERT},
                new Object[] {Families.Pref.ENTRY, WriteMode.FULL, Difficulty.EASY, Difficulty.MEDIUM},
                new Object[] {Families.Pref.DAY, WriteMode.SEMI, Difficulty.MEDIUM, Difficulty.HARD});
        int p = 0;
        for (Object[] spec : pairs) {
            Families.Pref kind = (Families.Pref) spec[0];
            Optional<Families.Pair> pair = f.pair(kind, (WriteMode) spec[1], (Difficulty) spec[2], (Difficulty) spec[3]);
            for (Families.Pref alt : Families.Pref.values()) {
                if (pair.isPresent()) break;
                kind = alt;
                pair = f.pair(alt, (WriteMode) spec[1], (Difficulty) spec[2], (Difficulty) spec[3]);
            }
            if (pair.isEmpty()) throw new IllegalStateException("app " + v.id() + ": cannot build pair " + (p + 1));
            String pid = String.format("%s-p%02d", v.id(), ++p);
            String fam = "pair-" + kind.name().toLowerCase();
            out.add(f.task(pid + "a", fam, pair.get().a(), new PairLink(pid, PairLink.A)));
            out.add(f.task(pid + "b", fam, pair.get().b(), new PairLink(pid, PairLink.B)));
        }
        return out;
    }

    /**
     * One configured copy for every file: a fresh copy per call threw away Jackson's serializer cache, so each of the
     * suite's ~370 files re-inspected every record type (most of the time of writing a suite).
     */
    private static final ObjectMapper WRITER = Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);

    private static ObjectMapper writer() {
        return WRITER;
    }

    /** Canonical JSON text of a contract value as the generator writes it (stable across runs). */
    public static String json(Object value) {
        try {
            return writer().writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a complete suite folder: {@code suite.json}, {@code profile.json} and the doctor and privacy apps copied
     * from {@code base}, the generated apps, catalogues and tasks ({@code tasks/<app>/<id>.json}). Refuses a folder
     * that already holds files other than a suite's.
     */
    public static void write(Generated g, TaskSuite base, Path out) {
        try {
            Files.createDirectories(out);
            write(out.resolve("suite.json"), "{ \"name\": \"" + base.name() + (g.seed() == CANONICAL_SEED ? "" : "-seed-" + g.seed())
                    + "\", \"version\": \"" + base.version() + "\" }\n");
            write(out.resolve("profile.json"), json(base.profile()));
            Map<String, AppSchema> apps = new LinkedHashMap<>();
            for (AppSchema a : base.apps().values()) if (!g.apps().containsKey(a.id())) apps.put(a.id(), a);
            apps.putAll(g.apps());
            for (AppSchema a : apps.values()) write(out.resolve("apps").resolve(a.id() + ".json"), json(a));
            Map<String, ListingCatalogue> cats = new LinkedHashMap<>();
            for (ListingCatalogue c : base.catalogues().values()) if (!g.catalogues().containsKey(c.app())) cats.put(c.app(), c);
            cats.putAll(g.catalogues());
            for (ListingCatalogue c : cats.values()) write(out.resolve("catalogue").resolve(c.app() + ".json"), json(c));
            for (Task t : g.tasks()) write(out.resolve("tasks").resolve(t.app()).resolve(t.id() + ".json"), json(t));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write suite to " + out + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
