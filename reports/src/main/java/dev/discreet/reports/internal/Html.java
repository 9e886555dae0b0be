package dev.discreet.reports.internal;

/**
 * HTML escaping for text and attribute values. Evidence text comes from models, forms and task files, so besides
 * the five markup characters it neutralises what a browser would act on silently: control characters, Unicode
 * noncharacters and lone surrogates are shown as a backslash, "u" and four hex digits; bidirectional embeddings, overrides and isolates
 * are shown the same way (a U+202E must not reverse the text around it); and text with right-to-left letters is
 * wrapped in first-strong isolates (U+2068 … U+2069), so it cannot reorder the page around it. Isolates work in
 * attribute values as well as in text, which {@code <bdi>} would not.
 */
public final class Html {
    private Html() {}

    static final char FSI = '\u2068';
    static final char PDI = '\u2069';

    /** Escapes {@code & < > " '} and unsafe characters as above; null becomes the empty string. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        boolean rtl = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (unsafe(c)) {
                        b.append(String.format("\\u%04X", c));
                    } else {
                        byte d = Character.getDirectionality(c);
                        rtl |= d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                                || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
                        b.appendCodePoint(c);
                    }
                }
            }
        }
        return rtl ? FSI + b.toString() + PDI : b.toString();
    }

    /** Characters never shown raw: controls (but tab and line breaks), noncharacters, lone surrogates, bidi controls. */
    static boolean unsafe(int c) {
        if (c == '\t' || c == '\n' || c == '\r') return false;
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) return true; // a lone half (pairs arrive as one code point)
        if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) return true; // noncharacters
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C; // embeddings, overrides, isolates, marks
    }
}
