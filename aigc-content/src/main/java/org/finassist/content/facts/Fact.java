package org.finassist.content.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One computed figure.
 *
 * @param key     stable key, e.g. {@code close}, {@code ma20}
 * @param label   Chinese label, e.g. 收盘价
 * @param value   the value rounded half-up to the precision shown (money to 0.01 CNY)
 * @param unit    unit of {@code value}
 * @param display what a customer reads, with unit (e.g. {@code 8.52元}, {@code 3.31亿元}, {@code -2.35%})
 * @param asOf    the trading day the figure describes
 */
public record Fact(String key, String label, BigDecimal value, FactUnit unit, String display, LocalDate asOf) {
    public Fact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(asOf, "asOf");
    }
}
