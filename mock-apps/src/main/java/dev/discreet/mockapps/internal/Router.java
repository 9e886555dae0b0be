package dev.discreet.mockapps.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EntryEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Dispatches {@code /e/{token}/...} to the phone shell, the entry API or an app's pages; every failure becomes a
 * 404/500 page so no request hangs.
 */
public final class Router implements HttpHandler {
    private final TaskSuite suite;
    private final Function<String, EpisodeContext> episodes;
    private final Map<String, AppPages> pages;

    public Router(TaskSuite suite, Function<String, EpisodeContext> episodes, Map<String, AppPages> pages) {
        this.suite = suite;
        this.episodes = episodes;
        this.pages = pages;
    }

    /** Path segments (empty ones dropped) of a URL path, decoded by URI. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        if (path == null) return out;
        for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }

    @Override
    public void handle(HttpExchange ex) {
        Response resp;
        try {
            resp = route(ex);
        } catch (Throwable t) {
            String msg = t.getMessage() == null ? t.toString() : t.getMessage();
            resp = Response.html(500, Html.page("Error", "Something went wrong", null,
                    "<h2>Server error</h2><p class=\"error\">" + Html.esc(msg) + "</p><p><a class=\"btn\" href=\"/\">Home</a></p>",
                    null, null));
        }
        try {
            send(ex, resp);
        } catch (IOException ignored) {
            // client went away
        } finally {
            ex.close();
        }
    }

    private Response route(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        byte[] body = Request.readBody(ex);
        List<String> seg = segments(uri.getPath());
        if (seg.size() < 2 || !seg.get(0).equals("e")) return notFound(null, "No such page.");
        EpisodeContext ctx = episodes.apply(seg.get(1));
        if (ctx == null || ctx.closed()) return notFound(null, "This episode has ended or never existed.");
        Request req = new Request(ex.getRequestMethod().toUpperCase(), List.copyOf(seg.subList(2, seg.size())),
                Request.parseUrlEncoded(uri.getRawQuery()), body);
        synchronized (ctx) {
            if (ctx.closed()) return notFound(null, "This episode has ended.");
            return dispatch(ctx, req);
        }
    }

    private Response dispatch(EpisodeContext ctx, Request req) {
        List<String> rest = req.rest;
        if (rest.isEmpty()) return home(ctx);
        if (rest.size() == 2 && rest.get(0).equals("api") && rest.get(1).equals("entry")) return entry(ctx, req);
        if (rest.get(0).equals("app") && rest.size() >= 2) {
            String appId = rest.get(1);
            AppSchema app = suite.apps().get(appId);
            if (app == null) return notFound(ctx, "There is no app called \"" + appId + "\" on this phone.");
            if (!ctx.mayOpen(appId)) return accessNeeded(ctx, app);
            AppPages p = pages.get(appId);
            Response r = p == null ? null : p.handle(ctx, req, rest.subList(2, rest.size()));
            return r == null ? notFound(ctx, "This page does not exist in " + app.name() + ".") : r;
        }
        return notFound(ctx, "No such page.");
    }

    /**
     * Records entries: one {app, form, field, value}, or a page's batch {page, events: [{seq, app, form, field,
     * value}, ...]} (recorder.js). A batch is checked whole before anything is recorded; entries of a page already
     * recorded (a retry, or the synchronous flush overtaking the request in flight) are skipped by their seq.
     */
    private Response entry(EpisodeContext ctx, Request req) {
        if (!req.isPost()) return Response.text(405, "POST a JSON entry {app, form, field, value} or a batch {page, events}");
        JsonNode n;
        try {
            n = Json.mapper().readTree(req.body);
        } catch (IOException e) {
            return Response.text(400, "not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) return Response.text(400, "expected a JSON object {app, form, field, value}");
        boolean batch = n.has("events");
        if (batch && (!n.path("events").isArray() || n.path("page").asText("").isEmpty())) {
            return Response.text(400, "a batch needs a page id and an events array");
        }
        List<JsonNode> events = new ArrayList<>();
        if (batch) n.path("events").forEach(events::add);
        else events.add(n);
        long previous = Long.MIN_VALUE;
        for (JsonNode e : events) {
            if (!e.isObject() || !suite.apps().containsKey(e.path("app").asText(""))
                    || e.path("form").asText("").isEmpty() || e.path("field").asText("").isEmpty()) {
                return Response.text(400, "unknown app or missing form/field");
            }
            if (batch && (!e.path("seq").canConvertToLong() || e.path("seq").asLong() <= previous)) {
                return Response.text(400, "batch entries need increasing seq numbers");
            }
            previous = e.path("seq").asLong();
        }
        for (JsonNode e : events) {
            if (batch && !ctx.firstDelivery(n.path("page").asText(), e.path("seq").asLong())) continue;
            JsonNode v = e.path("value");
            ctx.record(e.path("app").asText(), e.path("form").asText(), e.path("field").asText(),
                    v.isNull() || v.isMissingNode() ? "" : v.asText(), EntryEvent.INPUT);
        }
        return Response.noContent();
    }

    private Response home(EpisodeContext ctx) {
        StringBuilder sb = new StringBuilder("<nav class=\"grid\" aria-label=\"Apps\">");
        suite.apps().values().stream().sorted(Comparator.comparing(AppSchema::name, String.CASE_INSENSITIVE_ORDER))
             .forEach(a -> sb.append("<a class=\"app\" href=\"").append(Html.esc(ctx.prefix + "/app/" + a.id() + "/"))
                             .append("\"><span class=\"ico\" aria-hidden=\"true\" style=\"background:").append(tileColour(a.id()))
                             .append("\">").append(Html.esc(a.name().substring(0, 1))).append("<span class=\"emo\">")
                             .append(Html.esc(a.icon())).append("</span></span><span>").append(Html.esc(a.name())).append("</span></a>"));
        sb.append("</nav>");
        return Response.html(Html.page("Home", "Home", null, sb.toString(), null, "home"));
    }

    /** A stable tile colour per app id, so icons look distinct even where no emoji font is installed. */
    static String tileColour(String id) {
        return "hsl(" + Math.floorMod(id.hashCode() * 47, 360) + ",55%,45%)";
    }

    private Response accessNeeded(EpisodeContext ctx, AppSchema app) {
        String body = "<h2>Access needs permission</h2><p>" + Html.esc(app.name())
                + " holds sensitive data. Your assistant must ask you for permission to open this app before it can"
                + " be used.</p><p><a class=\"btn\" href=\"" + Html.esc(ctx.prefix + "/") + "\">Home</a></p>";
        return Response.html(403, Html.page("Access needs permission", app.name(), ctx.prefix + "/", body, null, null));
    }

    static Response notFound(EpisodeContext ctx, String message) {
        String home = ctx == null ? "/" : ctx.prefix + "/";
        String body = "<h2>Page not found</h2><p>" + Html.esc(message) + "</p><p><a class=\"btn\" href=\""
                + Html.esc(home) + "\">Home</a></p>";
        return Response.html(404, Html.page("Page not found", "Not found", null, body, null, null));
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Cache-Control", "no-store");
        if (r.location() != null) h.set("Location", r.location());
        if (r.contentType() != null) h.set("Content-Type", r.contentType());
        byte[] bytes = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equalsIgnoreCase(ex.getRequestMethod());
        if (r.status() == 204 || bytes.length == 0 || head) {
            ex.sendResponseHeaders(r.status(), -1);
        } else {
            ex.sendResponseHeaders(r.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
