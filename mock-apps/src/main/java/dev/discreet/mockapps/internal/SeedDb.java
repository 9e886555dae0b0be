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
            "step", "saved_step");
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
                case "phone" -> profileValue(suite, "phone");
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

    private static String profileValue(TaskSuite suite, String key) {
        return suite.profile().item(key).map(ProfileItem::value).orElse("");
    }
}
