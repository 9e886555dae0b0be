package dev.discreet.mockapps.internal;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.ListingCatalogue;
import dev.discreet.tasks.ListingEntry;
import dev.discreet.tasks.ListingSpec;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.Sensitivity;
import dev.discreet.tasks.TaskSuite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates an app's seed database once per server, from data only: tables and column types exactly as the app schema
 * declares them, a listing app's catalogue ({@code catalogue/<app>.json}: entries, bookable times, bookings that
 * exist at episode start) and, for the privacy manager, the profile items. Episodes copy the seed file.
 */
public final class SeedDb {
    /** Tables and columns the privacy manager's pages read and write; its schema must declare them. */
    private static final Map<String, List<String>> PRIVACY_NEEDS = Map.of(
            "profile_items", List.of("key", "label", "value", "level"),
            "saved_items", List.of("key", "value", "level", "saved_step", "source"),
            "drafts", List.of("form", "field", "value", "step"));

    private SeedDb() {}

    public static void create(Path file, AppSchema app, TaskSuite suite) {
        if (app.id().equals(PrivacyPages.APP)) checkPrivacySchema(app);
        if (app.listing() != null) ListingPages.checkTables(app);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            for (Map.Entry<String, List<String>> t : app.tables().entrySet()) Db.exec(c, ddl(app, t.getKey(), t.getValue()));
            if (app.listing() != null) seedListing(c, app, suite);
            if (app.id().equals(PrivacyPages.APP)) {
                for (ProfileItem item : suite.profile().items()) {
                    Db.update(c, "INSERT INTO profile_items(key, label, value, level) VALUES (?,?,?,?)",
                            item.key(), item.label(), item.value(), item.level().name());
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create seed database for app '" + app.id() + "' at " + file
                    + ": " + e.getMessage(), e);
        }
    }

    static void checkPrivacySchema(AppSchema app) {
        List<String> missing = new ArrayList<>();
        PRIVACY_NEEDS.forEach((table, cols) -> {
            List<String> declared = app.tables().get(table);
            if (declared == null) missing.add("table '" + table + "'");
            else for (String col : cols) if (!declared.contains(col)) missing.add("column '" + table + "." + col + "'");
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("app schema '" + app.id() + "' lacks what its mock pages need: "
                    + String.join(", ", missing));
        }
    }

    /** CREATE TABLE with the declared column types; {@code id} (or a leading {@code key}) is the primary key. */
    static String ddl(AppSchema app, String table, List<String> columns) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(Db.quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            String col = columns.get(i);
            if (i > 0) sb.append(", ");
            sb.append(Db.quote(col)).append(' ').append(app.columnType(table, col));
            if (col.equals("id")) sb.append(" PRIMARY KEY");
            else if (i == 0 && col.equals("key")) sb.append(" PRIMARY KEY");
        }
        if (table.equals("drafts") && columns.contains("form") && columns.contains("field")) {
            sb.append(", PRIMARY KEY (\"form\", \"field\")");
        }
        return sb.append(')').toString();
    }

    /** Loads a listing app's catalogue (items, options) and its seeded bookings, made in the user's name. */
    private static void seedListing(Connection c, AppSchema app, TaskSuite suite) {
        ListingCatalogue cat = suite.catalogue(app.id()).orElseThrow(() -> new IllegalArgumentException(
                "listing app '" + app.id() + "' has no catalogue (expected catalogue/" + app.id() + ".json in the suite)"));
        ListingSpec.Tables t = app.listing().tablesOr();
        List<String> itemCols = app.tables().get(t.itemsOr());
        for (ListingEntry e : cat.entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String col : itemCols) {
                Object v;
                if (col.equals(t.itemCategoryOr())) v = e.category();
                else if (col.equals(t.itemPriceOr())) v = e.price();
                else v = switch (col) {
                    case "id" -> e.id();
                    case "name" -> e.name();
                    case "rating" -> e.rating();
                    case "reviews" -> e.reviews();
                    case "neighbourhood" -> e.neighbourhood();
                    default -> e.attrs().getOrDefault(col, "");
                };
                row.put(col, v);
            }
            insert(c, t.itemsOr(), row);
            for (ListingEntry.Option o : e.options()) {
                Map<String, Object> opt = new LinkedHashMap<>();
                opt.put("id", o.id());
                opt.put(t.itemKeyOr(), e.id());
                opt.put("day", o.day());
                opt.put("time", o.time());
                insert(c, t.optionsOr(), opt);
            }
        }
        FormSchema form = app.form(app.listing().form()).orElseThrow();
        for (ListingCatalogue.SeededBooking b : cat.bookings()) {
            ListingEntry e = cat.entry(b.entryId()).orElseThrow(() -> new IllegalArgumentException(
                    "catalogue of '" + app.id() + "': seeded booking " + b.id() + " names unknown entry " + b.entryId()));
            ListingEntry.Option o = e.options().stream().filter(x -> x.id() == b.optionId()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("catalogue of '" + app.id() + "': seeded booking "
                            + b.id() + " names unknown option " + b.optionId()));
            Map<String, String> values = new LinkedHashMap<>();
            for (FieldSpec f : form.fields()) {
                // Only LOW profile items and the task text: seeded rows must not plant HIGH canaries in the database.
                if (!f.required() || f.isTrap()) continue;
                if (f.profileKey() == null) {
                    if (f.type().equals("textarea") || f.type().equals("text")) values.put(f.name(), b.note() == null ? "" : b.note());
                    else if (!f.options().isEmpty()) values.put(f.name(), f.defaultValue() != null ? f.defaultValue() : f.options().get(0));
                    else if (f.isSwitch()) values.put(f.name(), "on");
                } else if (f.sensitivity() != Sensitivity.HIGH) {
                    values.put(f.name(), profileValue(suite, f.profileKey()));
                }
            }
            ListingSpec.Calendar cal = app.listing().calendar();
            if (cal != null && app.tables().get(app.listing().table()).contains("date") && !cal.datesOf(o.day()).isEmpty()) {
                values.put("date", cal.datesOf(o.day()).get(0).toString());
            }
            ListingPages.insertBooking(c, app, e.id(), e.name(), e.category(), e.neighbourhood(), o.day(), o.time(),
                    e.price(), values, 0);
        }
    }

    private static void insert(Connection c, String table, Map<String, Object> row) {
        List<String> names = row.keySet().stream().map(Db::quote).toList();
        Db.update(c, "INSERT INTO " + Db.quote(table) + "(" + String.join(", ", names) + ") VALUES ("
                + "?,".repeat(names.size() - 1) + "?)", row.values().toArray());
    }

    private static String profileValue(TaskSuite suite, String key) {
        return suite.profile().item(key).map(ProfileItem::value).orElse("");
    }
}
