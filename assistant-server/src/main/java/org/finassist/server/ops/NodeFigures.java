package org.finassist.server.ops;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's figures at one moment, as stored in {@code ops_node_snapshot}: cumulative counters since the node
 * started, grouped by family (the summary's section, e.g. {@code requestsByRoute}) and key; per-provider
 * cumulative figures; and gauges (values now, not sums over time).
 */
record NodeFigures(Map<String, Map<String, Double>> counters, List<ProviderFigures> providers,
                   Map<String, Double> gauges) {

    static final String ROUTES = "requestsByRoute";
    static final String ERRORS = "errorsByKind";
    static final String GUARDRAIL = "guardrailRejections";
    static final String ID_CHECKS = "idPhotoChecks";
    static final String ID_REJECTIONS = "idPhotoRejections";
    static final String COMMENTARY_ITEMS = "commentaryItems";
    static final String WITNESS_LIVE = "witnessLive";
    static final String COMMENTARY_RUNS = "commentaryActiveRuns";

    static final NodeFigures EMPTY = new NodeFigures(Map.of(), List.of(), Map.of());

    /** This node's meters now; {@code witnessLive}: sessions whose runtime is connected here. */
    static NodeFigures read(MeterRegistry registry, MeterReadings meters, int witnessLive) {
        Map<String, Map<String, Double>> counters = new TreeMap<>();
        counters.put(ROUTES, meters.countsBy("finassist.router.requests", "route"));
        counters.put(ERRORS, meters.countsBy("finassist.router.errors", "kind"));
        counters.put(GUARDRAIL, meters.countsBy("finassist.guardrail.rejections", "code"));
        counters.put(ID_CHECKS, meters.countsBy("finassist.opening.idphoto.checks", "outcome"));
        counters.put(ID_REJECTIONS, meters.countsBy("finassist.opening.idphoto.rejections", "reason"));
        counters.put(COMMENTARY_ITEMS, meters.countsBy("finassist.commentary.items", "status"));
        Map<String, Double> gauges = new TreeMap<>();
        gauges.put(WITNESS_LIVE, (double) witnessLive);
        gauges.put(COMMENTARY_RUNS, meters.gauge("finassist.commentary.runs.active"));
        return new NodeFigures(counters, ProviderFigures.read(registry, meters), gauges);
    }

    Map<String, Double> family(String name) {
        return counters.getOrDefault(name, Map.of());
    }

    double gauge(String name) {
        return gauges.getOrDefault(name, 0.0);
    }
}
