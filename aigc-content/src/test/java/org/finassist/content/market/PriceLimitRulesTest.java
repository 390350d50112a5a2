package org.finassist.content.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PriceLimitRulesTest {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 20);
    private final PriceLimitRules rules = PriceLimitRules.DEFAULT;

    private static SecurityInfo sec(String code, String name) {
        return SecurityInfo.of(Symbol.parse(code), name);
    }

    @Test
    void mainBoardTenPercentRoundedHalfUp() {
        PriceLimit limit = rules.limit(sec("600000", "浦发银行"), DAY, 1000, 8.52).orElseThrow();
        assertThat(limit.up()).isEqualByComparingTo("9.37");   // 9.372
        assertThat(limit.down()).isEqualByComparingTo("7.67"); // 7.668
        // 10.05 × 1.1 = 11.055 exactly: half-up gives 11.06 (half-even would give 11.06 too; 10.15 → 11.165 → 11.17)
        assertThat(PriceLimitRules.limit(10.15, new BigDecimal("0.10")).up()).isEqualByComparingTo("11.17");
        assertThat(PriceLimitRules.limit(10.15, new BigDecimal("0.10")).down()).isEqualByComparingTo("9.14");
    }

    @Test
    void stChinextStarBse() {
        assertThat(rules.limit(sec("600001", "*ST华源"), DAY, 1000, 3.00).orElseThrow().up()).isEqualByComparingTo("3.15");
        assertThat(rules.limit(sec("300750", "宁德时代"), DAY, 1000, 200.00).orElseThrow().up()).isEqualByComparingTo("240.00");
        assertThat(rules.limit(sec("688981", "中芯国际"), DAY, 1000, 45.67).orElseThrow().down()).isEqualByComparingTo("36.54");
        assertThat(rules.limit(sec("830799", "艾融软件"), DAY, 1000, 10.00).orElseThrow().up()).isEqualByComparingTo("13.00");
        assertThat(rules.withStRatio(new BigDecimal("0.10")).ratio(sec("600001", "ST华源"), DAY, 1000)).contains(new BigDecimal("0.10"));
    }

    @Test
    void mainBoardStMovesTenPercentFromJuly2025() {
        var st = sec("600001", "*ST华源");
        assertThat(rules.ratio(st, java.time.LocalDate.of(2025, 7, 4), 1000)).contains(new BigDecimal("0.05"));
        assertThat(rules.ratio(st, java.time.LocalDate.of(2025, 7, 7), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.limit(st, java.time.LocalDate.of(2026, 3, 2), 1000, 3.00).orElseThrow().up()).isEqualByComparingTo("3.30");
    }

    @Test
    void noLimitInFirstFiveDaysOfChinextAndStarListings() {
        SecurityInfo star = sec("688001", "华兴源创");
        assertThat(rules.limit(star, DAY, 0, 20)).isEmpty();
        assertThat(rules.limit(star, DAY, 4, 20)).isEmpty();
        assertThat(rules.limit(star, DAY, 5, 20)).isPresent();
        assertThat(rules.limit(sec("600000", "浦发银行"), DAY, 0, 20)).isPresent();
    }

    @Test
    void historicalRules() {
        assertThat(rules.limit(sec("600000", "浦发银行"), LocalDate.of(1996, 12, 13), 1000, 10)).isEmpty();
        assertThat(rules.ratio(sec("300001", "特锐德"), LocalDate.of(2019, 1, 2), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.limit(sec("000001.SH", null), DAY, 1000, 3000)).isEmpty();
    }
}
