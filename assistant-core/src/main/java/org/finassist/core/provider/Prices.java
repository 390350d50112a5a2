package org.finassist.core.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices in CNY per million tokens: uncached input, output (incl. reasoning), cache-hit input. */
public record Prices(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cacheHitPerMillion) {

    public static final Prices FREE = new Prices(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Prices {
        inputPerMillion = orZero(inputPerMillion);
        outputPerMillion = orZero(outputPerMillion);
        cacheHitPerMillion = cacheHitPerMillion == null ? inputPerMillion : cacheHitPerMillion;
    }

    /** Cost of one answer in CNY, 6 decimals half-up. */
    public BigDecimal cost(int promptTokens, int cacheHitTokens, int completionTokens) {
        int uncached = Math.max(0, promptTokens - cacheHitTokens);
        BigDecimal sum = inputPerMillion.multiply(BigDecimal.valueOf(uncached))
                .add(cacheHitPerMillion.multiply(BigDecimal.valueOf(cacheHitTokens)))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(completionTokens)));
        return sum.divide(MILLION, 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
