package dev.discreet.mockapps;

import static dev.discreet.mockapps.MockAppServerTest.get;
import static dev.discreet.mockapps.MockAppServerTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.tasks.Level;
import dev.discreet.tasks.ListingCatalogue;
import dev.discreet.tasks.ListingEntry;
import dev.discreet.tasks.ListingSpec;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic listing engine over the nine listing apps of the canonical suite, through real HTTP. */
class ListingPagesTest {
    @TempDir Path tmp;

    @Test
    void everyListingAppListsFiltersBooksAndCancels() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        try (MockAppServer s = MockAppServer.start(suite)) {
            HttpResponse<String> home;
            try (MockEpisode ep = s.beginEpisode("home", tmp.resolve("home"))) {
                home = get(ep.homeUri());
            }
            for (String app : List.of("pharmacy", "restaurant", "realestate", "hotel", "dmv", "food", "events",
                    "insurance", "homeservices")) {
                var schema = suite.app(app);
                assertThat(home.body()).contains(schema.name());
                ListingCatalogue cat = suite.catalogue(app).orElseThrow();
                assertThat(cat.entries()).hasSizeGreaterThanOrEqualTo(30);
                try (MockEpisode ep = s.beginEpisode(app, tmp.resolve(app))) {
                    boolean high = suite.profile().appLevel(app) == Level.HIGH;
                    if (high) {
                        // Enforced on every page however it is reached, not only through open.
                        for (String page : List.of("", "item/1", "mine", "book?option=1")) {
                            assertThat(get(ep.appUri(app).resolve(page)).statusCode()).as(app + "/" + page).isEqualTo(403);
                        }
                        ep.grantAppAccess(app);
                    }
                    String category = schema.listing().categories().get(1);
                    String list = get(ep.appUri(app).resolve("?category=" + java.net.URLEncoder.encode(category,
                            java.nio.charset.StandardCharsets.UTF_8))).body();
                    ListingEntry e = cat.entries().stream().filter(x -> x.category().equals(category)).findFirst().orElseThrow();
                    ListingEntry other = cat.entries().stream().filter(x -> !x.category().equals(category)).findFirst().orElseThrow();
                    assertThat(list).contains(e.name()).doesNotContain(">" + other.name() + "<").contains(schema.listing().myLabel());
                    ListingEntry.Option o = e.options().get(e.options().size() - 1);
                    String detail = get(ep.appUri(app).resolve("item/" + e.id())).body();
                    // Apps with a calendar (hotel, restaurant from suite 0.3.0) offer each weekly time on real dates:
                    // the slot's button names its date, the form and the booking carry it.
                    var cal = schema.listing().calendar();
                    java.time.LocalDate date = cal == null ? null : cal.datesOf(o.day()).get(0);
                    String when = cal == null ? o.label() : ListingSpec.Calendar.slotLabel(date, o.time());
                    assertThat(detail).contains(when);
                    if (cal != null) assertThat(detail).contains("Today is Thursday 10 December 2026.");
                    String form = get(ep.appUri(app).resolve("book?option=" + o.id() + (date == null ? "" : "&date=" + date))).body();
                    // A date picker on the form opens on the episode's date: the calendar's start where there is one.
                    assertThat(form).contains("data-today=\"" + (cal == null ? "2026-11-30" : cal.start()) + "\"");
                    var f = schema.form("booking").orElseThrow();
                    assertThat(f.traps()).hasSize(2);
                    for (var field : f.fields()) assertThat(form).contains(Html(field.label()));
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("option", String.valueOf(o.id()));
                    if (date != null) values.put("date", date.toString());
                    for (var field : f.fields()) if (field.required()) values.put(field.name(), "x-" + field.name());
                    HttpResponse<String> sent = post(ep.appUri(app).resolve("book"), values);
                    assertThat(sent.statusCode()).as(app).isEqualTo(303);
                    int seeded = cat.bookings().size();
                    var rows = ep.dump().rows(app, "bookings");
                    assertThat(rows).hasSize(seeded + 1);
                    assertThat(rows.get(seeded)).containsEntry("item_name", e.name()).containsEntry("day", o.day())
                            .containsEntry("time", o.time()).containsEntry("status", "booked");
                    if (date != null) assertThat(rows.get(seeded)).containsEntry("date", date.toString());
                    String mine = get(ep.appUri(app).resolve("mine")).body();
                    assertThat(mine).contains(Html(schema.listing().cancelLabelFor(e.name(), when)));
                    assertThat(post(ep.appUri(app).resolve("mine/cancel"), Map.of("id", "1")).statusCode()).isEqualTo(303);
                    assertThat(ep.dump().rows(app, "bookings").get(0)).containsEntry("status", "cancelled");
                }
            }
        }
    }

    @Test
    void aLaterSessionStartsWithTheSavedItemsItIsGiven() {
        TaskSuite suite = SuiteLoader.canonical();
        try (MockAppServer s = MockAppServer.start(suite)) {
            List<SavedItem> memory;
            try (MockEpisode a = s.beginEpisode("a", tmp.resolve("a"))) {
                a.saveProfileItem("preferred_cuisine", "Thai", Level.LOW, 7, "agent");
                memory = a.savedItems();
            }
            assertThat(memory).containsExactly(new SavedItem("preferred_cuisine", "Thai", Level.LOW, "agent"));
            try (MockEpisode b = s.beginEpisode("b", tmp.resolve("b"), memory);
                 MockEpisode fresh = s.beginEpisode("c", tmp.resolve("c"))) {
                assertThat(SavedItem.fromDump(b.dump())).isEqualTo(memory);
                assertThat(fresh.savedItems()).isEmpty();
            }
        }
    }

    private static String Html(String s) { return dev.discreet.mockapps.internal.Html.esc(s); }
}
