package org.finassist.server.ops;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Cumulative figures of one provider since start: answers, latency and time-to-first-token totals (the dashboard
 * divides the deltas of two snapshots for a mean over the interval), errors, fallbacks and cost in CNY.
 */
record ProviderFigures(String provider, double requests, double latencyMsTotal, long latencyCount,
                       double latencyMsMax, double ttftMsTotal, long ttftCount, double errors, double fallbacks,
                       double costCny) {

    static List<ProviderFigures> read(MeterRegistry registry, MeterReadings readings) {
        Map<String, Double> requests = readings.countsBy("finassist.router.requests", "provider");
        Map<String, Double> errors = readings.countsBy("finassist.router.errors", "provider");
        Map<String, Double> fallbacks = readings.countsBy("finassist.router.fallbacks", "provider");
        Map<String, Double> cost = MeterReadings.sumBy(registry.find("finassist.router.cost").summaries(), "provider",
                DistributionSummary::totalAmount);
        var latency = registry.find("finassist.router.latency").timers();
        var ttft = registry.find("finassist.router.ttft").timers();
        TreeSet<String> providers = new TreeSet<>(requests.keySet());
        providers.addAll(errors.keySet());
        providers.addAll(fallbacks.keySet());
        List<ProviderFigures> out = new ArrayList<>();
        for (String p : providers) {
            var lat = latency.stream().filter(t -> p.equals(t.getId().getTag("provider"))).toList();
            var first = ttft.stream().filter(t -> p.equals(t.getId().getTag("provider"))).toList();
            out.add(new ProviderFigures(p, requests.getOrDefault(p, 0.0), totalMs(lat), count(lat),
                    lat.stream().mapToDouble(t -> t.max(TimeUnit.MILLISECONDS)).max().orElse(0), totalMs(first),
                    count(first), errors.getOrDefault(p, 0.0), fallbacks.getOrDefault(p, 0.0),
                    Math.round(cost.getOrDefault(p, 0.0) * 1_000_000) / 1_000_000.0));
        }
        return out;
    }

    private static double totalMs(List<Timer> timers) {
        return timers.stream().mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS)).sum();
    }

    private static long count(List<Timer> timers) {
        return timers.stream().mapToLong(Timer::count).sum();
    }
}
