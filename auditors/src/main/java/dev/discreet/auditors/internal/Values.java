package dev.discreet.auditors.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Canonical text and numeric views of database cells and JSON values. */
public final class Values {
    private Values() {}

    /** The text of a database cell: integral numbers without ".0", null as null. */
    public static String text(Object v) {
        if (v == null) return null;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return Double.toString(d);
        }
        return v.toString();
    }

    public static BigDecimal number(Object v) {
        if (v == null || v instanceof Boolean) return null;
        if (v instanceof BigDecimal d) return d;
        if (v instanceof BigInteger i) return new BigDecimal(i);
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return parse(v.toString());
    }

    public static BigDecimal number(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return n.decimalValue();
        if (n.isTextual()) return parse(n.textValue());
        return null;
    }

    private static BigDecimal parse(String s) {
        String t = s.trim();
        if (t.isEmpty() || !decimal(t)) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether {@code t} is {@code [+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?} (ASCII digits), checked by hand: this
     * runs for every database cell a rule compares, and the regex was most of it.
     */
    static boolean decimal(String t) {
        int i = 0, n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
        int intDigits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) return false;
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** Lower-case with spaces, dashes, dots and slashes removed: how canary values are compared. */
    public static String normalise(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        normaliseInto(s, b);
        return b.toString();
    }

    /** Appends {@link #normalise normalise(s)} to {@code b} ({@code s} non-null). */
    static void normaliseInto(String s, StringBuilder b) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x80) i++;
        if (i < n) {
            normaliseAnyInto(s, b);
            return;
        }
        // ASCII (nearly every cell): lower-casing maps A-Z alone, and what is removed is a table lookup
        for (i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (DROPPED[c]) continue;
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
    }

    /** What normalising leaves out: white space, dashes, dots and slashes. */
    private static boolean dropped(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '.' || c == '/'
                || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014';
    }

    /** {@link #dropped} of every ASCII character, looked up. */
    private static final boolean[] DROPPED = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) DROPPED[c] = dropped(c);
    }

    private static void normaliseAnyInto(String s, StringBuilder b) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!dropped(c)) b.append(c);
        }
    }

    public static String digits(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append(c);
        }
        return b.toString();
    }

    public static boolean isBlank(String s) { return s == null || s.isBlank(); }
}
