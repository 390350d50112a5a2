package org.finassist.content.commentary;

import org.finassist.content.anomaly.Anomaly;
import org.finassist.content.anomaly.Breadth;
import org.finassist.content.anomaly.IndexQuote;
import org.finassist.content.facts.Fact;
import org.finassist.content.market.SecurityInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one article may say: the subject's own day facts, its anomalies, the indices and (market articles) breadth.
 *
 * @param security the stock, or {@code null} for market-level articles
 */
record SubjectFacts(SecurityInfo security, LocalDate date, List<Fact> day, List<Anomaly> anomalies,
                    List<IndexQuote> indices, Breadth breadth, List<Integer> parameters) {

    String name() {
        return security == null ? "全市场" : security.name();
    }

    String subject() {
        return security == null ? ArticleId.MARKET : security.symbol().toString();
    }

    /** Every fact, the anomalies' and the indices' included, without repeats of the same key and value. */
    List<Fact> all() {
        List<Fact> out = new ArrayList<>(day);
        anomalies.forEach(a -> out.addAll(a.facts()));
        indices.forEach(q -> out.addAll(q.facts()));
        if (breadth != null) {
            out.addAll(breadth.facts());
        }
        return out.stream().distinct().toList();
    }
}
