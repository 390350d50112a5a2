package org.finassist.content.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** Rounds and formats fact values: half-up, money to 0.01 CNY, large amounts in 万/亿. */
public final class FactFormat {

    private static final BigDecimal WAN = new BigDecimal("1e4");
    private static final BigDecimal YI = new BigDecimal("1e8");

    private FactFormat() {
    }

    public static Fact fact(String key, String label, double value, FactUnit unit, int scale, LocalDate asOf) {
        BigDecimal v = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        return new Fact(key, label, v, unit, v.toPlainString() + unit.suffix(), asOf);
    }

    /** A large quantity (CNY or shares) shown in 亿 or 万 with 2 decimals; the value keeps full precision. */
    public static Fact large(String key, String label, double value, FactUnit unit, LocalDate asOf) {
        BigDecimal v = BigDecimal.valueOf(value).setScale(unit == FactUnit.CNY ? 2 : 0, RoundingMode.HALF_UP);
        String shown;
        if (v.abs().compareTo(YI) >= 0) {
            shown = v.divide(YI).setScale(2, RoundingMode.HALF_UP).toPlainString() + "亿";
        } else if (v.abs().compareTo(WAN) >= 0) {
            shown = v.divide(WAN).setScale(2, RoundingMode.HALF_UP).toPlainString() + "万";
        } else {
            shown = v.toPlainString();
        }
        return new Fact(key, label, v, unit, shown + unit.suffix(), asOf);
    }

    /** "上涨1.23%" / "下跌1.23%" / "持平" from a signed percentage fact. */
    public static String move(Fact pct, String up, String down) {
        int sign = pct.value().signum();
        if (sign == 0) {
            return "持平";
        }
        return (sign > 0 ? up : down) + pct.value().abs().toPlainString() + pct.unit().suffix();
    }
}
