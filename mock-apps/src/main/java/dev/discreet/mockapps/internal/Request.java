package dev.discreet.mockapps.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed request: method, path segments below the episode prefix, query and form parameters (first value wins). */
public final class Request {
    public final String method;
    /** Path segments after {@code /e/{token}/}, e.g. ["app","doctor","book"]. */
    public final List<String> rest;
    public final Map<String, String> query;
    public final byte[] body;
    private Map<String, String> form;

    public Request(String method, List<String> rest, Map<String, String> query, byte[] body) {
        this.method = method;
        this.rest = rest;
        this.query = query;
        this.body = body;
    }

    public static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    public boolean isPost() { return "POST".equals(method); }

    public Map<String, String> form() {
        if (form == null) form = parseUrlEncoded(new String(body, StandardCharsets.UTF_8));
        return form;
    }

    public String q(String name) { return query.getOrDefault(name, ""); }

    public String f(String name) { return form().getOrDefault(name, ""); }

    public static Map<String, String> parseUrlEncoded(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) return out;
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException bad) {
                // a malformed escape: keep the raw text rather than failing the request
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }
}
