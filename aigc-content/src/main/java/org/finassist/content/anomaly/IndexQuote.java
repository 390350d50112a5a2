package org.finassist.content.anomaly;

import org.finassist.content.facts.Fact;
import org.finassist.content.market.SecurityInfo;

import java.time.LocalDate;
import java.util.List;

/** An index's close, change and turnover on the scanned day, as facts. */
public record IndexQuote(SecurityInfo index, LocalDate date, List<Fact> facts) {

    public IndexQuote {
        facts = List.copyOf(facts);
    }

    public Fact get(String key) {
        return facts.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(index.symbol() + " has no fact " + key));
    }
}
