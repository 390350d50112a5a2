package org.finassist.content.anomaly;

import org.finassist.content.facts.Fact;
import org.finassist.content.market.SecurityInfo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One detected anomaly and the figures that prove it.
 *
 * @param time  the minute an intraday move ended, or {@code null} for end-of-day anomalies
 * @param facts the figures of the definition (e.g. close and the computed limit price), each with unit and date
 */
public record Anomaly(SecurityInfo security, LocalDate date, AnomalyKind kind, LocalTime time, List<Fact> facts) {

    public Anomaly {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        facts = List.copyOf(facts);
    }

    public Optional<Fact> fact(String key) {
        return facts.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The fact with {@code key}; throws when the detector did not record it. */
    public Fact get(String key) {
        return fact(key).orElseThrow(() -> new IllegalArgumentException(kind + " has no fact " + key));
    }
}
