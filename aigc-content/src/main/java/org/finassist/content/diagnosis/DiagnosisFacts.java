package org.finassist.content.diagnosis;

import org.finassist.content.facts.Fact;

import org.finassist.content.market.SecurityInfo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every figure of one diagnosis, each with unit and as-of date.
 *
 * @param benchmark the index the stock is compared with, or {@code null} when no index data exists
 * @param parameters indicator parameters a narrative may mention (the 20 of 20日均线)
 */
public record DiagnosisFacts(SecurityInfo security, SecurityInfo benchmark, LocalDate asOf, List<Fact> facts,
                             List<Integer> parameters) {

    public DiagnosisFacts {
        facts = List.copyOf(facts);
        parameters = List.copyOf(parameters);
    }

    public Optional<Fact> find(String key) {
        return facts.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The fact with {@code key}; throws when it was not computed. */
    public Fact get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("No fact " + key));
    }

    public double value(String key) {
        return get(key).value().doubleValue();
    }
}
