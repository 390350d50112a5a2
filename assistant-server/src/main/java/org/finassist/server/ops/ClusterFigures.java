package org.finassist.server.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nodes' stored snapshots folded into cluster-wide figures, the same on every node that reads the same rows.
 *
 * <p>Counters: each node's counters only grow while it runs and start from zero when it restarts. Per node, each
 * snapshot contributes its increase over the node's previous snapshot, or its whole value after a restart (a new
 * start time, or a value lower than before); the cluster total is the running sum of those contributions in time
 * order. It therefore never goes down (no negative per-interval value on the dashboard) when a node dies, restarts
 * or is added, and the counts of a dead node stay counted. Gauges (live witness sessions, active runs) are summed
 * over the live nodes' latest snapshots only; so is a provider's maximum latency (a maximum, not a sum).
 */
final class ClusterFigures {

    /** A stored row. */
    record Snapshot(String nodeId, long takenAtMillis, long startedAtMillis, NodeFigures figures) {
    }

    /** A live node as the summary lists it (no time of its last snapshot: two nodes asked a moment apart agree). */
    record LiveNode(String nodeId, long startedAtMillis) {
    }

    /** The cluster's figures as of {@code atMillis}. */
    record Totals(long atMillis, Map<String, Map<String, Double>> counters, List<ProviderFigures> providers,
                  Map<String, Double> gauges, List<LiveNode> nodes) {

        Map<String, Double> family(String name) {
            return counters.getOrDefault(name, Map.of());
        }

        double gauge(String name) {
            return gauges.getOrDefault(name, 0.0);
        }
    }

    private ClusterFigures() {
    }

    /**
     * The totals after every snapshot up to {@code nowMillis}, plus one point per {@code bucketMillis} boundary from
     * {@code historyFromMillis} (or the first snapshot) on, oldest first: the history. A node is live when its latest snapshot is newer than
     * {@code nowMillis - liveWithinMillis}.
     */
    static Folded fold(List<Snapshot> rows, long nowMillis, long liveWithinMillis, long bucketMillis,
                       long historyFromMillis) {
        List<Snapshot> ordered = rows.stream().filter(r -> r.takenAtMillis() <= nowMillis)
                .sorted(Comparator.comparingLong(Snapshot::takenAtMillis).thenComparing(Snapshot::nodeId)).toList();
        Map<String, Snapshot> previous = new HashMap<>();
        Map<String, Map<String, Double>> counters = new TreeMap<>();
        Map<String, double[]> providers = new TreeMap<>();
        List<Totals> history = new ArrayList<>();
        long nextBoundary = ordered.isEmpty() ? Long.MAX_VALUE
                : (ordered.get(0).takenAtMillis() / bucketMillis + 1) * bucketMillis;
        for (Snapshot s : ordered) {
            while (s.takenAtMillis() >= nextBoundary) {
                if (nextBoundary < historyFromMillis) {
                    // an old node run's last row: no history points that far back
                    nextBoundary = Math.max(nextBoundary + bucketMillis,
                            (Math.min(s.takenAtMillis(), historyFromMillis) / bucketMillis) * bucketMillis);
                    continue;
                }
                history.add(totals(nextBoundary, counters, providers, previous, nextBoundary, liveWithinMillis));
                nextBoundary += bucketMillis;
            }
            Snapshot prev = previous.put(s.nodeId(), s);
            boolean restarted = prev == null || prev.startedAtMillis() != s.startedAtMillis();
            NodeFigures before = restarted ? NodeFigures.EMPTY : prev.figures();
            s.figures().counters().forEach((family, values) -> values.forEach((key, v) ->
                    counters.computeIfAbsent(family, f -> new TreeMap<>())
                            .merge(key, increase(before.family(family).getOrDefault(key, 0.0), v), Double::sum)));
            for (ProviderFigures p : s.figures().providers()) {
                double[] was = before.providers().stream().filter(b -> b.provider().equals(p.provider())).findFirst()
                        .map(ClusterFigures::vector).orElse(new double[9]);
                double[] now = vector(p);
                double[] sum = providers.computeIfAbsent(p.provider(), k -> new double[9]);
                for (int i = 0; i < now.length; i++) {
                    sum[i] += increase(was[i], now[i]);
                }
            }
        }
        Totals now = totals(nowMillis, counters, providers, previous, nowMillis, liveWithinMillis);
        return new Folded(now, history);
    }

    /** The totals now and the history points. */
    record Folded(Totals now, List<Totals> history) {
    }

    /** A counter's increase between two readings of one node run; a lower reading means it restarted from zero. */
    static double increase(double before, double after) {
        return after >= before ? after - before : after;
    }

    private static Totals totals(long at, Map<String, Map<String, Double>> counters, Map<String, double[]> providers,
                                 Map<String, Snapshot> latest, long nowMillis, long liveWithinMillis) {
        List<Snapshot> live = latest.values().stream()
                .filter(s -> s.takenAtMillis() > nowMillis - liveWithinMillis)
                .sorted(Comparator.comparing(Snapshot::nodeId)).toList();
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        counters.forEach((f, m) -> {
            Map<String, Double> rounded = new TreeMap<>();
            m.forEach((k, v) -> rounded.put(k, round(v)));
            copy.put(f, rounded);
        });
        Map<String, Double> gauges = new TreeMap<>();
        live.forEach(s -> s.figures().gauges().forEach((k, v) -> gauges.merge(k, v, Double::sum)));
        List<ProviderFigures> provs = new ArrayList<>();
        providers.forEach((name, v) -> {
            double max = live.stream().flatMap(s -> s.figures().providers().stream())
                    .filter(p -> p.provider().equals(name)).mapToDouble(ProviderFigures::latencyMsMax).max().orElse(0);
            provs.add(new ProviderFigures(name, round(v[0]), round(v[1]), (long) v[2], max, round(v[3]), (long) v[4],
                    round(v[5]), round(v[6]), Math.round(v[7] * 1_000_000) / 1_000_000.0));
        });
        Map<String, LiveNode> nodes = new LinkedHashMap<>();
        live.forEach(s -> nodes.put(s.nodeId(), new LiveNode(s.nodeId(), s.startedAtMillis())));
        return new Totals(at, copy, provs, gauges, List.copyOf(nodes.values()));
    }

    private static double[] vector(ProviderFigures p) {
        return new double[] {p.requests(), p.latencyMsTotal(), p.latencyCount(), p.ttftMsTotal(), p.ttftCount(),
                p.errors(), p.fallbacks(), p.costCny(), 0};
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
