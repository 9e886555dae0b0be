package dev.discreet.mockapps.internal;

/** What a page handler answers: an HTML page with a status, a redirect, or an empty 204. */
public record Response(int status, String contentType, String body, String location) {
    public static Response html(String body) { return new Response(200, "text/html; charset=utf-8", body, null); }

    public static Response html(int status, String body) {
        return new Response(status, "text/html; charset=utf-8", body, null);
    }

    /** 303 See Other: the browser follows with a GET, so reloading the result page does not re-submit. */
    public static Response redirect(String location) { return new Response(303, null, "", location); }

    public static Response noContent() { return new Response(204, null, "", null); }

    public static Response text(int status, String body) {
        return new Response(status, "text/plain; charset=utf-8", body, null);
    }
}
