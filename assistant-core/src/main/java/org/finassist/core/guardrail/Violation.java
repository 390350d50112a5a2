package org.finassist.core.guardrail;

import java.util.Objects;

/**
 * One reason a text was rejected.
 *
 * @param guardrail name of the guardrail that found it
 * @param code      stable machine code, e.g. {@code UNGROUNDED_NUMBER}, {@code TRADING_ADVICE}
 * @param sentence  the offending sentence (what a regeneration prompt names)
 * @param detail    the offending token and why, in English for operators
 */
public record Violation(String guardrail, String code, String sentence, String detail) {
    public Violation {
        Objects.requireNonNull(guardrail, "guardrail");
        Objects.requireNonNull(code, "code");
        sentence = sentence == null ? "" : sentence;
        detail = detail == null ? "" : detail;
    }
}
