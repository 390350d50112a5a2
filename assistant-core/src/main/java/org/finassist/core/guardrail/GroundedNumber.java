package org.finassist.core.guardrail;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number a generated text may state: a computed fact, a parameter (the 20 of "20日均线") or a count.
 *
 * @param key   stable fact key, e.g. {@code close}
 * @param value the exact value in the unit it is written in (a percentage as 2.35 for 2.35%)
 * @param unit  display unit, e.g. {@code 元}, {@code %}; informational
 */
public record GroundedNumber(String key, BigDecimal value, String unit) {
    public GroundedNumber {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        unit = unit == null ? "" : unit;
    }
}
