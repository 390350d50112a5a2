package org.finassist.content.diagnosis;

import org.finassist.core.guardrail.GuardrailResult;

import java.time.LocalDate;

/**
 * A published diagnosis.
 *
 * @param dataDate      the trading day every figure describes
 * @param narrative     the accepted narrative with its provenance and checks
 * @param publishedText what the customer reads: label, narrative, data date and disclaimer
 * @param disclosure    the check of {@code publishedText} (label, disclaimer, data date present)
 */
public record DiagnosisReport(DiagnosisFacts facts, Scores scores, Narrative narrative, String aigcLabel,
                              String disclaimer, LocalDate dataDate, String publishedText, GuardrailResult disclosure) {

    public Rating rating() {
        return scores.rating();
    }

    /** What any text about this report may cite: its facts, scores, dates and names (for guardrail checks). */
    public org.finassist.core.guardrail.GroundingContext groundingContext() {
        return Grounding.of(facts, scores);
    }
}
