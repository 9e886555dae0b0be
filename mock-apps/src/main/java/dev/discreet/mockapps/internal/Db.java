package dev.discreet.mockapps.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small JDBC helpers; SQL errors become unchecked (a page answers 500 with the message). */
public final class Db {
    private Db() {}

    public static List<Map<String, Object>> query(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                String[] labels = null;
                while (rs.next()) {
                    // The labels once per query: each is a native call into SQLite (asked per row and column, they
                    // were half of this method's CPU).
                    if (labels == null) {
                        ResultSetMetaData md = rs.getMetaData();
                        labels = new String[md.getColumnCount()];
                        for (int i = 0; i < labels.length; i++) labels[i] = md.getColumnLabel(i + 1);
                    }
                    Map<String, Object> row = new LinkedHashMap<>(labels.length * 2);
                    for (int i = 0; i < labels.length; i++) row.put(labels[i], rs.getObject(i + 1));
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database query failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    public static Optional<Map<String, Object>> one(Connection c, String sql, Object... params) {
        List<Map<String, Object>> rows = query(c, sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database update failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    /** Runs an INSERT and returns the generated row id. */
    public static long insert(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database insert failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    public static void exec(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("database statement failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    public static String quote(String identifier) { return "\"" + identifier.replace("\"", "\"\"") + "\""; }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
    }
}
