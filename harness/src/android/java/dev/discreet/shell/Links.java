package dev.discreet.shell;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whose page a URL is, by the mock apps' URL layout: plain Java (no Android API), so the harness's tests run it on
 * the JVM.
 */
public final class Links {
    private Links() {}

    /**
     * The app id for {@code /e/{token}/app/{id}/...}, "" for the phone's home screen {@code /e/{token}/}, null for
     * anything else (including a URL that does not parse).
     */
    public static String owner(String url) {
        String path;
        try {
            path = new URI(url).getPath();
        } catch (URISyntaxException e) {
            return null;
        }
        if (path == null) return null;
        String[] seg = path.replaceAll("^/+", "").split("/+");
        if (seg.length == 2 && "e".equals(seg[0]) && !seg[1].isEmpty()) return "";
        if (seg.length >= 4 && "e".equals(seg[0]) && "app".equals(seg[2]) && !seg[3].isEmpty()) return seg[3];
        return null;
    }
}
