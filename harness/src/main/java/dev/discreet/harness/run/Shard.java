package dev.discreet.harness.run;

/**
 * One of {@code count} parts of a run, numbered from 1 ({@code --shard K/N}). Every shard of one task list gets a
 * disjoint part and together they cover it ({@link Shards#select}); {@code discreet merge} puts the parts together.
 */
public record Shard(int index, int count) {
    /** The whole run: one shard of one. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not a shard: write K/N with "
                    + "1 <= K <= N (e.g. --shard 2/4 for the second of four)");
        }
    }

    /** Parses {@code K/N}, e.g. {@code 2/4}. */
    public static Shard parse(String s) {
        String t = s == null ? "" : s.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("shard '" + s + "' must be K/N (e.g. 2/4 for the second of four)");
        }
        try {
            return new Shard(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard '" + s + "' must be K/N with whole numbers (e.g. 2/4)");
        }
    }

    public boolean all() { return count == 1; }

    @Override
    public String toString() { return index + "/" + count; }
}
