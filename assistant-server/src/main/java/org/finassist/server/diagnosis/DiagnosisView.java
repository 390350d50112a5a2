package org.finassist.server.diagnosis;

import org.finassist.content.diagnosis.DiagnosisReport;
import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.core.guardrail.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON shape of {@code GET /api/diagnosis/{symbol}}. */
record DiagnosisView(String symbol, String name, String board, boolean st, LocalDate dataDate, String benchmark,
                     List<FactView> facts, List<ScoreView> scores, int overallScore, String rating, String ratingLabel,
                     NarrativeView narrative, String publishedText, String aigcLabel, String disclaimer,
                     CheckView disclosureCheck) {

    record FactView(String key, String label, BigDecimal value, String unit, String display, LocalDate asOf) {
    }

    record ScoreView(String dimension, String label, int score, List<String> reasons) {
    }

    record NarrativeView(String text, String source, String fallbackReason, List<AttemptView> attempts) {
    }

    record AttemptView(String origin, boolean accepted, List<Violation> violations, String error, String model,
                       Integer tokens) {
    }

    record CheckView(boolean passed, List<Violation> violations) {
    }

    static DiagnosisView of(DiagnosisReport r) {
        var f = r.facts();
        return new DiagnosisView(f.security().symbol().toString(), f.security().name(), f.security().board().name(),
                f.security().st(), r.dataDate(), f.benchmark() == null ? null : f.benchmark().name(),
                f.facts().stream().map(x -> new FactView(x.key(), x.label(), x.value(), x.unit().suffix(), x.display(),
                        x.asOf())).toList(),
                r.scores().dimensions().stream().map(d -> new ScoreView(d.dimension().name(), d.dimension().label(),
                        d.score(), d.reasons())).toList(),
                r.scores().overall(), r.rating().name(), r.rating().label(),
                new NarrativeView(r.narrative().text(), r.narrative().source().name(), r.narrative().fallbackReason(),
                        r.narrative().attempts().stream().map(DiagnosisView::attempt).toList()),
                r.publishedText(), r.aigcLabel(), r.disclaimer(),
                new CheckView(r.disclosure().passed(), r.disclosure().violations()));
    }

    private static AttemptView attempt(NarrativeAttempt a) {
        return new AttemptView(a.origin(), a.accepted(), a.violations(), a.error(), a.modelName(), a.tokens());
    }
}
