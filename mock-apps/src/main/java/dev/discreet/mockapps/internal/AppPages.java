package dev.discreet.mockapps.internal;

import java.util.List;

/** The pages of one mock app. {@code rest} is the path below {@code /e/{token}/app/{appId}/}. */
public interface AppPages {
    Response handle(EpisodeContext ctx, Request req, List<String> rest);
}
