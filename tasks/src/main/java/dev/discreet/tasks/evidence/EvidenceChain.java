package dev.discreet.tasks.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chain format of evidence lines ({@code trajectory.jsonl}, {@code access.jsonl}, {@code entries.jsonl}): each
 * JSON object line carries, as its last property, {@code "mac"}: HMAC-SHA256 under the run's key of the previous
 * line's mac (for the first line, the file's genesis: {@code discreet-chain/1 <episode id> <file name>}, so a line
 * or a whole file cannot be moved to another file or episode), a newline, and the line as written without the mac.
 * Deleting, reordering, editing, inserting or appending a line breaks the chain; truncating the tail is caught by
 * comparing with the head the writer kept in memory ({@link Head}).
 */
public final class EvidenceChain {
    /** The property each chained line carries. */
    public static final String FIELD = "mac";
    /** The files that are chained. */
    public static final List<String> FILES = List.of(EvidenceFiles.TRAJECTORY, EvidenceFiles.ACCESS,
            EvidenceFiles.ENTRIES);
    private static final Pattern TAIL = Pattern.compile("(,?)\"" + FIELD + "\":\"([0-9a-f]{64})\"}$");

    private EvidenceChain() {}

    /** Where a chain starts: binds it to its episode and file. */
    public static String genesis(String episodeId, String fileName) {
        return "discreet-chain/1 " + episodeId + " " + fileName;
    }

    /** How far a writer got: lines written and the last mac (the genesis when none). */
    public record Head(int lines, String mac) {}

    /** {@code json} (one object) with its mac appended as the last property. */
    static String seal(String json, String mac) {
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("only JSON objects can be chained, got: " + json);
        }
        String body = json.substring(0, json.length() - 1);
        return body + (body.length() > 1 ? "," : "") + "\"" + FIELD + "\":\"" + mac + "\"}";
    }

    /** A chained line split into what was written and its mac; null when the line carries no well-formed mac. */
    public record Line(String content, String mac) {
        public static Line parse(String line) {
            Matcher m = TAIL.matcher(line);
            if (!m.find()) return null;
            return new Line(line.substring(0, m.start()) + "}", m.group(2));
        }
    }

    /**
     * Checks {@code file} against the key: every line chained from the genesis, and (when {@code expected} is given)
     * exactly as many lines as were written, ending in the same mac. Returns the problems found, empty when intact.
     * An absent file is intact when nothing was written to it.
     */
    public static List<String> verify(Path file, EvidenceKeys keys, String genesis, Head expected) {
        List<String> problems = new ArrayList<>();
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            problems.add(name + ": unreadable (" + e.getMessage() + ")");
            return problems;
        }
        String prev = genesis;
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isEmpty() && i == lines.size() - 1) continue;
            n++;
            Line l = Line.parse(raw);
            if (l == null) {
                problems.add(name + " line " + (i + 1) + ": no chain mac (a line not written by the harness)");
                return problems;
            }
            if (!keys.mac(prev, l.content()).equals(l.mac())) {
                problems.add(name + " line " + (i + 1) + ": chain broken (the line was edited, inserted, reordered, or "
                        + "a line before it removed)");
                return problems;
            }
            prev = l.mac();
        }
        if (expected != null && (expected.lines() != n || !expected.mac().equals(prev))) {
            problems.add(name + ": " + n + " chained lines on disk, the harness wrote " + expected.lines()
                    + " (lines removed from its end or the file replaced)");
        }
        return problems;
    }
}
