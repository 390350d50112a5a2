package org.finassist.core.router;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Turns a route's ranks into this request's ordered candidate list, drawing order by weight within a rank. */
final class CandidatePlanner {

    private CandidatePlanner() {
    }

    static List<Candidate> plan(RouteConfig route) {
        List<Candidate> ordered = new ArrayList<>();
        for (List<Candidate> rank : route.ranks()) {
            ordered.addAll(rank.size() == 1 ? rank : weightedOrder(rank));
        }
        ordered.removeIf(Candidate::isLocal);
        return ordered;
    }

    /** Weighted sampling without replacement: a candidate with weight 70 comes first 70% of the time vs 30. */
    static List<Candidate> weightedOrder(List<Candidate> rank) {
        List<Candidate> pool = new ArrayList<>(rank);
        List<Candidate> out = new ArrayList<>(rank.size());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!pool.isEmpty()) {
            int total = pool.stream().mapToInt(Candidate::weight).sum();
            int pick = random.nextInt(total);
            for (int i = 0; i < pool.size(); i++) {
                pick -= pool.get(i).weight();
                if (pick < 0) {
                    out.add(pool.remove(i));
                    break;
                }
            }
        }
        return out;
    }
}
