package org.finassist.dh.answer;

import java.util.Optional;

/** The judge's reading of one answer: its polarity and, if the customer admitted one, the risk. */
public record Judgement(Classification classification, Optional<Risk> risk) {

    public Verdict verdict() {
        return classification.verdict();
    }
}
