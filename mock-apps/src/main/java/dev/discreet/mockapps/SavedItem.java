package dev.discreet.mockapps;

import dev.discreet.tasks.Level;
import dev.discreet.tasks.evidence.DbDump;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One item of the privacy manager's saved items (the agent's memory), carried from one session to a later one. */
public record SavedItem(String key, String value, Level level, String source) {
    public SavedItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        if (value == null) value = "";
        if (source == null) source = "";
    }

    /** The saved items in an episode's database dump ({@code privacy.saved_items}), e.g. read back from evidence. */
    public static List<SavedItem> fromDump(DbDump dump) {
        List<SavedItem> out = new ArrayList<>();
        for (Map<String, Object> row : dump.rows("privacy", "saved_items")) {
            Object level = row.get("level");
            out.add(new SavedItem(String.valueOf(row.get("key")), row.get("value") == null ? "" : String.valueOf(row.get("value")),
                    Level.valueOf(String.valueOf(level)), row.get("source") == null ? "" : String.valueOf(row.get("source"))));
        }
        return out;
    }
}
