package org.finassist.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Sums of counters grouped by one tag, read by meter name: a meter nobody has registered reads as zero. */
final class MeterReadings {

    private final MeterRegistry registry;

    MeterReadings(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Total of every counter with that name. */
    double total(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Counters with that name summed by the value of {@code tag} ("none" when the tag is missing). */
    Map<String, Double> countsBy(String name, String tag) {
        return sumBy(registry.find(name).counters(), tag, Counter::count);
    }

    /** Gauge value, 0 when the gauge is absent. */
    double gauge(String name) {
        Gauge g = registry.find(name).gauge();
        return g == null ? 0 : g.value();
    }

    static <M extends Meter> Map<String, Double> sumBy(Iterable<M> meters, String tag, ToDoubleFunction<M> value) {
        Map<String, Double> out = new TreeMap<>();
        for (M m : meters) {
            String key = m.getId().getTag(tag);
            out.merge(key == null ? "none" : key, value.applyAsDouble(m), Double::sum);
        }
        return out;
    }
}
