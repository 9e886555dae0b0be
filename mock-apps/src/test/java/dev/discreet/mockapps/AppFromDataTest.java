package dev.discreet.mockapps;

import static dev.discreet.mockapps.MockAppServerTest.get;
import static dev.discreet.mockapps.MockAppServerTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An eleventh app is a data change: a copy of the canonical suite in a temp folder gets {@code apps/bikes.json} and
 * {@code catalogue/bikes.json}, and the mock apps serve it (list, sort, detail, its own form widgets, booking, cancel)
 * without any code for it.
 */
class AppFromDataTest {
    @TempDir Path tmp;

    static final String APP = """
            { "id": "bikes", "name": "PedalShare", "icon": "🚲",
              "forms": [ { "id": "booking", "title": "Rental details", "table": "bookings", "fields": [
                { "name": "full_name", "label": "Full name", "type": "text", "required": true, "profileKey": "full_name",
                  "sensitivity": "LOW", "section": "Rider" },
                { "name": "phone", "label": "Phone number", "type": "tel", "required": true, "profileKey": "phone",
                  "sensitivity": "LOW", "section": "Rider" },
                { "name": "helmet", "label": "Helmet size", "type": "select", "required": true,
                  "options": ["S", "M", "L"], "section": "Ride" },
                { "name": "start_date", "label": "Start date", "type": "date", "required": true, "section": "Ride" },
                { "name": "cover", "label": "Add theft cover ($4)", "type": "toggle", "required": false, "defaultValue": "on", "section": "Extras" } ] } ],
              "tables": {
                "items": ["id", "name", "category", "rating", "reviews", "neighbourhood", "price", "frame"],
                "options": ["id", "item_id", "day", "time"],
                "bookings": ["id", "item_id", "item_name", "category", "neighbourhood", "day", "time", "price",
                             "full_name", "phone", "helmet", "start_date", "cover", "date", "status", "created_step"],
                "drafts": ["form", "field", "value", "step"] },
              "columnTypes": { "items": { "rating": "REAL", "reviews": "INTEGER", "price": "INTEGER" },
                               "bookings": { "item_id": "INTEGER", "price": "INTEGER", "created_step": "INTEGER" } },
              "listing": { "noun": "bike", "plural": "bikes", "categoryLabel": "Type", "categories": ["City", "E-bike", "Cargo"],
                "priceLabel": "Per day", "attributes": [ { "key": "frame", "label": "Frame" } ], "optionsLabel": "Pick-up times",
                "form": "booking", "table": "bookings", "nameColumn": "item_name", "categoryColumn": "category",
                "myLabel": "My rentals", "confirmLabel": "Rent this bike", "confirmedTitle": "Rental confirmed",
                "cancelLabel": "Cancel rental of {name} on {option}", "layout": "tabs", "theme": "#2e7d32",
                "calendar": { "start": "2026-11-30", "weeks": 3 } } }
            """;

    static final String CATALOGUE = """
            { "app": "bikes", "seed": 1, "entries": [
                { "id": 1, "name": "Rose Commuter", "category": "City", "rating": 4.9, "reviews": 12, "neighbourhood": "Sellwood",
                  "price": 25, "attrs": { "frame": "Step-through" }, "options": [ { "id": 1, "day": "Mon", "time": "09:00" } ] },
                { "id": 2, "name": "Volt Runner", "category": "E-bike", "rating": 4.1, "reviews": 300, "neighbourhood": "Buckman",
                  "price": 60, "attrs": { "frame": "Diamond" }, "options": [ { "id": 2, "day": "Tue", "time": "10:00" },
                  { "id": 3, "day": "Sat", "time": "11:30" } ] },
                { "id": 3, "name": "Hauler Long", "category": "Cargo", "rating": 3.8, "reviews": 90, "neighbourhood": "Division",
                  "price": 45, "attrs": { "frame": "Longtail" }, "options": [ { "id": 4, "day": "Fri", "time": "15:00" } ] } ],
              "bookings": [ { "id": 1, "entryId": 3, "optionId": 4, "note": "" } ] }
            """;

    Path suiteWithBikes() throws Exception {
        // The canonical suite is a folder on the classpath in a module build and inside the tasks jar in a reactor
        // install: copy it out either way.
        java.net.URI uri = SuiteLoader.class.getResource("/" + SuiteLoader.CANONICAL + "/suite.json").toURI();
        Path dst = tmp.resolve("suite");
        if ("jar".equals(uri.getScheme())) {
            try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
                copySuiteData(fs.provider().getPath(uri).getParent(), dst);
            }
        } else {
            copySuiteData(Path.of(uri).getParent(), dst);
        }
        Files.writeString(dst.resolve("apps/bikes.json"), APP, StandardCharsets.UTF_8);
        Files.writeString(dst.resolve("catalogue/bikes.json"), CATALOGUE, StandardCharsets.UTF_8);
        return dst;
    }

    /** Apps, catalogues, profile and suite.json: the tasks are not needed to serve the apps. */
    private static void copySuiteData(Path src, Path dst) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                String rel = src.relativize(p).toString();
                if (rel.startsWith("tasks")) continue;
                Path to = dst.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
    }

    @Test
    void anEleventhAppIsServedFromItsSchemaAndCatalogueFiles() throws Exception {
        TaskSuite suite = SuiteLoader.load(suiteWithBikes());
        assertThat(suite.apps()).hasSize(12).containsKey("bikes");
        try (MockAppServer s = MockAppServer.start(suite); MockEpisode ep = s.beginEpisode("bikes", tmp.resolve("ev"))) {
            assertThat(get(ep.homeUri()).body()).contains("PedalShare");
            URI app = ep.appUri("bikes");
            String list = get(app).body();
            // its own look: category tabs over a tile grid, its colour; default order most-reviewed first
            assertThat(list).contains("<nav class=\"tabs\"", "class=\"tiles\"", ":root{--accent:#2e7d32}", "3 bikes",
                    "My rentals ›");
            assertThat(list.indexOf(">Volt Runner<")).isLessThan(list.indexOf(">Hauler Long<"));
            assertThat(list.indexOf(">Hauler Long<")).isLessThan(list.indexOf(">Rose Commuter<"));
            String rated = get(app.resolve("?sort=rating")).body();
            assertThat(rated.indexOf(">Rose Commuter<")).isLessThan(rated.indexOf(">Volt Runner<"));
            // Real dates over three weeks from the episode's fixed date (Mon 30 Nov 2026): a time-slot grid per week.
            String detail = get(app.resolve("item/2")).body();
            assertThat(detail).contains("Frame", "Diamond", "$60", ">This week</a>", ">Next week</a>", ">Week of 14 Dec</a>",
                    "<h3 class=\"dayh\">Sat 5 Dec</h3>", "aria-label=\"Sat 5 Dec 11:30\">11:30</a>", "book?option=3&amp;date=2026-12-05");
            assertThat(get(app.resolve("item/2?week=1")).body()).contains("aria-label=\"Sat 12 Dec 11:30\"")
                    .doesNotContain("Sat 5 Dec 11:30");
            // The date must be one of the option's: a Friday for a Saturday slot is no page.
            assertThat(get(app.resolve("book?option=3&date=2026-12-11")).statusCode()).isEqualTo(404);
            assertThat(get(app.resolve("book?option=3")).statusCode()).isEqualTo(404);
            String form = get(app.resolve("book?option=3&date=2026-12-12")).body();
            assertThat(form).contains("Sat 12 Dec 11:30 · $60", "name=\"date\" value=\"2026-12-12\"");
            assertThat(form).contains("<h3>Ride</h3>", "<option value=\"M\">M</option>", "aria-label=\"Choose date: Start date\"",
                    "role=\"switch\" checked", ">Rent this bike</button>");
            Map<String, String> f = new LinkedHashMap<>();
            f.put("option", "3");
            f.put("date", "2026-12-12");
            f.put("full_name", "Maya");
            f.put("phone", "1");
            f.put("helmet", "M");
            f.put("start_date", "2026-12-05");
            HttpResponse<String> r = post(app.resolve("book"), f);
            assertThat(r.statusCode()).isEqualTo(303);
            List<Map<String, Object>> rows = ep.dump().rows("bikes", "bookings");
            assertThat(rows).hasSize(2);
            // the seeded booking fills the required select with its first option; types come from columnTypes
            assertThat(rows.get(0)).containsEntry("item_name", "Hauler Long").containsEntry("helmet", "S")
                    .containsEntry("price", 45).containsEntry("status", "booked");
            assertThat(rows.get(0)).containsEntry("date", "2026-12-04");
            assertThat(rows.get(1)).containsEntry("item_name", "Volt Runner").containsEntry("day", "Sat").containsEntry("date", "2026-12-12")
                    .containsEntry("helmet", "M").containsEntry("start_date", "2026-12-05").containsEntry("cover", "")
                    .containsEntry("price", 60).containsEntry("created_step", 0);
            assertThat(ep.dump().rows("bikes", "items").get(0).get("rating")).isEqualTo(4.9);
            // Booked on the 12th only: the 5th and the 19th stay open.
            assertThat(get(app.resolve("item/2?week=1")).body()).doesNotContain("Sat 12 Dec 11:30");
            assertThat(get(app.resolve("item/2")).body()).contains("Sat 5 Dec 11:30");
            assertThat(get(app.resolve("item/2?week=2")).body()).contains("Sat 19 Dec 11:30");
            assertThat(get(app.resolve("mine")).body()).contains("Cancel rental of Volt Runner on Sat 12 Dec 11:30");
            assertThat(post(app.resolve("mine/cancel"), Map.of("id", "2")).statusCode()).isEqualTo(303);
            assertThat(ep.dump().rows("bikes", "bookings").get(1)).containsEntry("status", "cancelled");
        }
    }

    @Test
    void anAppMissingATableItsPagesNeedIsRefusedWithTheName() throws Exception {
        Path dir = suiteWithBikes();
        Files.writeString(dir.resolve("apps/bikes.json"), APP.replace("\"options\": [\"id\", \"item_id\", \"day\", \"time\"],", ""),
                StandardCharsets.UTF_8);
        TaskSuite suite = SuiteLoader.load(dir);
        assertThatThrownBy(() -> MockAppServer.start(suite)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app schema 'bikes'").hasMessageContaining("table 'options'");
    }
}
