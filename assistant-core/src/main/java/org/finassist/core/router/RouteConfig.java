package org.finassist.core.router;

import java.util.List;

/** A route: ranks of candidates, tried rank by rank; within a rank, order is drawn by weight per request. */
public record RouteConfig(String name, List<List<Candidate>> ranks) {

    public RouteConfig {
        ranks = ranks.stream().map(List::copyOf).toList();
    }

    public static RouteConfig parse(String name, List<String> rankTexts) {
        return new RouteConfig(name, rankTexts.stream().map(Candidate::parseRank).filter(r -> !r.isEmpty()).toList());
    }
}
