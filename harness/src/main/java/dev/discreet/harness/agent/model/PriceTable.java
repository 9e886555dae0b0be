package dev.discreet.harness.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Model prices in USD per million tokens, read from a JSON file:
 * <pre>{ "gpt-4o": { "input": 2.50, "output": 10.00 }, "qwen2.5-vl-7b": { "input": 0, "output": 0 } }</pre>
 * A model not in the table has an unknown cost (null), never zero: the default table is empty because prices
 * change and are not ours to guess.
 */
public record PriceTable(Map<String, Price> prices) {
    public static final PriceTable EMPTY = new PriceTable(Map.of());

    /** USD per million input (prompt) and output (completion) tokens. */
    public record Price(double input, double output) {
        public Price {
            if (input < 0 || output < 0) {
                throw new IllegalArgumentException("prices must be >= 0, were input " + input + ", output " + output);
            }
        }
    }

    public PriceTable {
        prices = Map.copyOf(prices);
    }

    /** Reads a price file; every problem names the file, the model and what to write instead. */
    public static PriceTable load(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read price table " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("price table " + file + " must be a JSON object mapping model names to "
                    + "{\"input\": USD per 1M tokens, \"output\": USD per 1M tokens}");
        }
        Map<String, Price> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue(), in = v.get("input"), outp = v.get("output");
            if (in == null || outp == null || !in.isNumber() || !outp.isNumber()) {
                throw new IllegalArgumentException("price table " + file + ", model '" + e.getKey()
                        + "': expected {\"input\": number, \"output\": number} (USD per 1M tokens), was " + v);
            }
            try {
                out.put(e.getKey(), new Price(in.asDouble(), outp.asDouble()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("price table " + file + ", model '" + e.getKey() + "': "
                        + bad.getMessage(), bad);
            }
        }
        return new PriceTable(out);
    }

    /** The cost of these tokens, or null when the model has no price. */
    public Double cost(String model, long promptTokens, long completionTokens) {
        Price p = prices.get(model);
        if (p == null) return null;
        return (promptTokens * p.input() + completionTokens * p.output()) / 1_000_000.0;
    }
}
