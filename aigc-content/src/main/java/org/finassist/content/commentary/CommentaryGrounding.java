package org.finassist.content.commentary;

import org.finassist.content.anomaly.Anomaly;
import org.finassist.content.anomaly.IndexQuote;
import org.finassist.content.facts.Fact;
import org.finassist.core.guardrail.GroundingContext;

import java.time.format.DateTimeFormatter;

/** What an article may cite: its facts and their dates, window lengths, names, codes and the minutes of moves. */
final class CommentaryGrounding {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter H_MM = DateTimeFormatter.ofPattern("H:mm");

    private CommentaryGrounding() {
    }

    static GroundingContext of(SubjectFacts f) {
        GroundingContext.Builder b = GroundingContext.builder().date(f.date());
        for (Fact fact : f.all()) {
            b.number(fact.key(), fact.value(), fact.unit().suffix());
            b.date(fact.asOf());
        }
        f.parameters().forEach(p -> b.number("param", p, ""));
        if (f.security() != null) {
            b.literal(f.security().symbol().toString()).literal(f.security().symbol().code()).literal(f.security().name());
        }
        for (IndexQuote q : f.indices()) {
            b.literal(q.index().name()).literal(q.index().symbol().toString());
        }
        for (Anomaly a : f.anomalies()) {
            b.literal(a.security().name());
            if (a.time() != null) {
                b.literal(a.time().format(HH_MM)).literal(a.time().format(H_MM));
            }
        }
        return b.build();
    }
}
