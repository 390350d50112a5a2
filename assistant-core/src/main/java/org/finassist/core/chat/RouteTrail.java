package org.finassist.core.chat;

import java.util.List;

/** The route an answer took: the route name and every candidate tried or skipped, in order. */
public record RouteTrail(String route, List<Attempt> attempts) {

    public RouteTrail {
        attempts = List.copyOf(attempts);
    }

    public long fallbacks() {
        return attempts.stream().filter(a -> !a.ok()).count();
    }
}
