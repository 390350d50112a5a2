package org.finassist.content.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The day's limit prices in CNY (2 decimals) and the ratio they come from.
 */
public record PriceLimit(BigDecimal up, BigDecimal down, BigDecimal ratio) {

    /** The close sits at the limit-up price (compared at 0.01 CNY). */
    public boolean isLimitUp(double close) {
        return cents(close).compareTo(up) == 0;
    }

    public boolean isLimitDown(double close) {
        return cents(close).compareTo(down) == 0;
    }

    static BigDecimal cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }
}
