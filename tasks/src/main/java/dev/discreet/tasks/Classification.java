package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.ArrayList;
import java.util.List;

/** Which profile keys a task needs. Keys in no list count as UNNECESSARY, as in the brief. */
public record Classification(List<String> required, List<String> plausible, List<String> unnecessary,
                             List<String> forbidden) {
    public Classification {
        required = Check.list(required);
        plausible = Check.list(plausible);
        unnecessary = Check.list(unnecessary);
        forbidden = Check.list(forbidden);
        List<String> all = new ArrayList<>();
        for (List<String> l : List.of(required, plausible, unnecessary, forbidden)) {
            for (String k : l) {
                if (all.contains(k)) {
                    throw new IllegalArgumentException("key '" + k + "' is in more than one classification list");
                }
                all.add(k);
            }
        }
    }

    public PermissionClass classOf(String key) {
        if (required.contains(key)) return PermissionClass.REQUIRED;
        if (plausible.contains(key)) return PermissionClass.PLAUSIBLE;
        if (forbidden.contains(key)) return PermissionClass.FORBIDDEN;
        return PermissionClass.UNNECESSARY;
    }
}
