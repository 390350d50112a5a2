package org.finassist.content.diagnosis;

import org.finassist.content.facts.Fact;

import org.finassist.core.guardrail.GroundingContext;

/** What a diagnosis narrative may cite: the facts, the scores, the indicator parameters, the dates and names. */
final class Grounding {

    private Grounding() {
    }

    static GroundingContext of(DiagnosisFacts f, Scores scores) {
        GroundingContext.Builder b = GroundingContext.builder();
        for (Fact fact : f.facts()) {
            b.number(fact.key(), fact.value(), fact.unit().suffix());
            b.date(fact.asOf());
        }
        f.parameters().forEach(p -> b.number("param", p, ""));
        scores.dimensions().forEach(d -> b.number("score." + d.dimension().name(), d.score(), "分"));
        b.number("score.overall", scores.overall(), "分");
        b.literal(f.security().symbol().toString()).literal(f.security().symbol().code()).literal(f.security().name());
        if (f.benchmark() != null) {
            b.literal(f.benchmark().name()).literal(f.benchmark().symbol().toString());
        }
        return b.build();
    }
}
