package dev.discreet.mockapps.internal;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.TaskSuite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates an app's seed database once per server: tables exactly as declared in the app schema, plus the seed rows
 * (doctor catalogue, the one existing appointment, the profile items). Episodes copy the seed file.
 */
public final class SeedDb {
    private static final Set<String> INTEGER_COLUMNS = Set.of("id", "doctor_id", "reviews", "fee", "created_step",
            "step", "saved_step", "item_id", "price");
    private static final Set<String> REAL_COLUMNS = Set.of("rating");

    /** Tables and columns the built-in pages read and write; the schema must declare them. */
    private static final Map<String, Map<String, List<String>>> NEEDED = Map.of(
            DoctorPages.APP, Map.of(
                    "doctors", List.of("id", "name", "specialty", "rating", "reviews", "neighbourhood", "fee", "languages"),
                    "slots", List.of("id", "doctor_id", "day", "time"),
                    "appointments", List.of("id", "doctor_id", "doctor_name", "specialty", "day", "time", "status",
                            "created_step"),
                    "drafts", List.of("form", "field", "value", "step")),
            PrivacyPages.APP, Map.of(
                    "profile_items", List.of("key", "label", "value", "level"),
                    "saved_items", List.of("key", "value", "level", "saved_step", "source"),
                    "drafts", List.of("form", "field", "value", "step")));

    private SeedDb() {}

    public static void create(Path file, AppSchema app, TaskSuite suite, List<Catalogue.Doctor> doctors) {
        checkSchema(app);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            for (Map.Entry<String, List<String>> t : app.tables().entrySet()) Db.exec(c, ddl(t.getKey(), t.getValue()));
            if (app.id().equals(DoctorPages.APP)) seedDoctor(c, suite, doctors);
            else if (app.listing() != null) seedListing(c, app, suite);
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

    static void checkSchema(AppSchema app) {
        Map<String, List<String>> needed = NEEDED.get(app.id());
        if (needed == null) return;
        List<String> missing = new ArrayList<>();
        needed.forEach((table, cols) -> {
            List<String> declared = app.tables().get(table);
            if (declared == null) missing.add("table '" + table + "'");
            else for (String col : cols) if (!declared.contains(col)) missing.add("column '" + table + "." + col + "'");
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("app schema '" + app.id() + "' lacks what its mock pages need: "
                    + String.join(", ", missing));
        }
    }

    static String ddl(String table, List<String> columns) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(Db.quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            String col = columns.get(i);
            if (i > 0) sb.append(", ");
            String type = INTEGER_COLUMNS.contains(col) ? "INTEGER" : REAL_COLUMNS.contains(col) ? "REAL" : "TEXT";
            sb.append(Db.quote(col)).append(' ').append(type);
            if (col.equals("id")) sb.append(" PRIMARY KEY");
            else if (i == 0 && col.equals("key")) sb.append(" PRIMARY KEY");
        }
        if (table.equals("drafts") && columns.contains("form") && columns.contains("field")) {
            sb.append(", PRIMARY KEY (\"form\", \"field\")");
        }
        return sb.append(')').toString();
    }

    private static void seedDoctor(Connection c, TaskSuite suite, List<Catalogue.Doctor> doctors) {
        for (Catalogue.Doctor d : doctors) {
            Db.update(c, "INSERT INTO doctors(id, name, specialty, rating, reviews, neighbourhood, fee, languages) "
                    + "VALUES (?,?,?,?,?,?,?,?)", d.id(), d.name(), d.specialty(), d.rating(), d.reviews(),
                    d.neighbourhood(), d.fee(), d.languages());
            for (Catalogue.Slot s : d.slots()) {
                Db.update(c, "INSERT INTO slots(id, doctor_id, day, time) VALUES (?,?,?,?)", s.id(), s.doctorId(),
                        s.day(), s.time());
            }
        }
        // One existing appointment, so that a "cancel my appointment" task has something to cancel.
        Catalogue.Doctor gp = Catalogue.seededDoctor(doctors);
        Catalogue.Slot slot = gp.slots().get(1);
        List<String> cols = suite.app(DoctorPages.APP).tables().get("appointments");
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String col : cols) {
            Object v = switch (col) {
                case "id" -> 1;
                case "doctor_id" -> gp.id();
                case "doctor_name" -> gp.name();
                case "specialty" -> gp.specialty();
                case "day" -> slot.day();
                case "time" -> slot.time();
                case "patient_name" -> profileValue(suite, "full_name");
                // No phone: it is HIGH, and a seeded row must not plant a canary (as for the listing apps).
                case "reason" -> "Annual check-up";
                case "status" -> "booked";
                case "created_step" -> 0;
                default -> "";
            };
            names.add(Db.quote(col));
            values.add(v);
        }
        Db.update(c, "INSERT INTO appointments(" + String.join(", ", names) + ") VALUES ("
                + "?,".repeat(names.size() - 1) + "?)", values.toArray());
    }

    /** Loads a listing app's catalogue (items, options) and its seeded bookings, made in the user's name. */
    private static void seedListing(Connection c, AppSchema app, TaskSuite suite) {
        dev.discreet.tasks.ListingCatalogue cat = suite.catalogue(app.id()).orElseThrow(() -> new IllegalArgumentException(
                "listing app '" + app.id() + "' has no catalogue (expected catalogue/" + app.id() + ".json in the suite)"));
        List<String> itemCols = app.tables().get("items");
        if (itemCols == null || app.tables().get("options") == null) {
            throw new IllegalArgumentException("listing app '" + app.id() + "' must declare tables 'items' and 'options'");
        }
        for (dev.discreet.tasks.ListingEntry e : cat.entries()) {
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (String col : itemCols) {
                Object v = switch (col) {
                    case "id" -> e.id();
                    case "name" -> e.name();
                    case "category" -> e.category();
                    case "rating" -> e.rating();
                    case "reviews" -> e.reviews();
                    case "neighbourhood" -> e.neighbourhood();
                    case "price" -> e.price();
                    default -> e.attrs().getOrDefault(col, "");
                };
                names.add(Db.quote(col));
                values.add(v);
            }
            Db.update(c, "INSERT INTO items(" + String.join(", ", names) + ") VALUES ("
                    + "?,".repeat(names.size() - 1) + "?)", values.toArray());
            for (dev.discreet.tasks.ListingEntry.Option o : e.options()) {
                Db.update(c, "INSERT INTO options(id, item_id, day, time) VALUES (?,?,?,?)", o.id(), e.id(), o.day(), o.time());
            }
        }
        dev.discreet.tasks.FormSchema form = app.form(app.listing().form()).orElseThrow();
        for (dev.discreet.tasks.ListingCatalogue.SeededBooking b : cat.bookings()) {
            dev.discreet.tasks.ListingEntry e = cat.entry(b.entryId()).orElseThrow(() -> new IllegalArgumentException(
                    "catalogue of '" + app.id() + "': seeded booking " + b.id() + " names unknown entry " + b.entryId()));
            dev.discreet.tasks.ListingEntry.Option o = e.options().stream().filter(x -> x.id() == b.optionId()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("catalogue of '" + app.id() + "': seeded booking "
                            + b.id() + " names unknown option " + b.optionId()));
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            for (dev.discreet.tasks.FieldSpec f : form.fields()) {
                // Only LOW profile items and the task text: seeded rows must not plant HIGH canaries in the database.
                if (!f.required() || f.isTrap()) continue;
                if (f.profileKey() == null) values.put(f.name(), b.note() == null ? "" : b.note());
                else if (f.sensitivity() != dev.discreet.tasks.Sensitivity.HIGH) values.put(f.name(), profileValue(suite, f.profileKey()));
            }
            ListingPages.insertBooking(c, app, e.id(), e.name(), e.category(), e.neighbourhood(), o.day(), o.time(),
                    e.price(), values, 0);
        }
    }

    private static String profileValue(TaskSuite suite, String key) {
        return suite.profile().item(key).map(ProfileItem::value).orElse("");
    }
}
