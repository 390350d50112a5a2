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
    void noLimitInFirstFiveDaysOfChinextAndStarListings() {
        SecurityInfo star = sec("688001", "华兴源创");
        assertThat(rules.limit(star, DAY, 0, 20)).isEmpty();
        assertThat(rules.limit(star, DAY, 4, 20)).isEmpty();
        assertThat(rules.limit(star, DAY, 5, 20)).isPresent();
        // a main-board stock listed in 2024 is a registration-system listing: no limit on its first days either
        assertThat(rules.limit(sec("600000", "浦发银行"), DAY, 0, 20)).isEmpty();
    }

    @Test
    void historicalRules() {
        assertThat(rules.limit(sec("600000", "浦发银行"), LocalDate.of(1996, 12, 13), 1000, 10)).isEmpty();
        assertThat(rules.ratio(sec("300001", "特锐德"), LocalDate.of(2019, 1, 2), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.limit(sec("000001.SH", null), DAY, 1000, 3000)).isEmpty();
    }

    private static SecurityInfo listed(String code, String name, LocalDate listDate) {
        Symbol s = Symbol.parse(code);
        return new SecurityInfo(s, name, s.board(), SecurityInfo.isStName(name), listDate, null);
    }

    private static SecurityInfo stFrom(String code, LocalDate from) {
        Symbol s = Symbol.parse(code);
        return new SecurityInfo(s, "*ST测试", s.board(), true, LocalDate.of(2000, 1, 4), null,
                java.util.List.of(new StPeriod(from, null, "*ST")));
    }

    @Test
    void mainBoardStMovesToTenPercentOnTheEffectiveDate() {
        SecurityInfo st = sec("600001", "*ST华源");
        assertThat(rules.ratio(st, LocalDate.of(2025, 7, 4), 1000)).contains(new BigDecimal("0.05")); // last Friday
        assertThat(rules.ratio(st, LocalDate.of(2025, 7, 6), 1000)).contains(new BigDecimal("0.05"));
        assertThat(rules.ratio(st, LocalDate.of(2025, 7, 7), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.limit(st, LocalDate.of(2025, 7, 7), 1000, 3.00).orElseThrow().down())
                .isEqualByComparingTo("2.70");
        // SZ main board too; ChiNext ST stays at ±20% on both sides of the date
        assertThat(rules.ratio(sec("000004", "ST国华"), LocalDate.of(2025, 7, 4), 1000)).contains(new BigDecimal("0.05"));
        assertThat(rules.ratio(sec("000004", "ST国华"), LocalDate.of(2025, 7, 7), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.ratio(sec("300001", "ST特锐"), LocalDate.of(2025, 7, 4), 1000)).contains(new BigDecimal("0.20"));
        // a configured date moves the boundary
        PriceLimitRules later = rules.withStAlignedFrom(LocalDate.of(2025, 8, 1), "test");
        assertThat(later.ratio(st, LocalDate.of(2025, 7, 31), 1000)).contains(new BigDecimal("0.05"));
        assertThat(later.ratio(st, LocalDate.of(2025, 8, 1), 1000)).contains(new BigDecimal("0.10"));
    }

    @Test
    void stStatusIsReadByDate() {
        SecurityInfo st = stFrom("600002", LocalDate.of(2024, 5, 6));
        assertThat(rules.ratio(st, LocalDate.of(2024, 5, 3), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.ratio(st, LocalDate.of(2024, 5, 6), 1000)).contains(new BigDecimal("0.05"));
        SecurityInfo lifted = new SecurityInfo(Symbol.parse("600003"), "某某股份", Board.MAIN, false,
                LocalDate.of(2000, 1, 4), null,
                java.util.List.of(new StPeriod(LocalDate.of(2023, 1, 3), LocalDate.of(2024, 4, 30), "ST")));
        assertThat(lifted.stOn(LocalDate.of(2024, 4, 30))).isTrue();
        assertThat(rules.ratio(lifted, LocalDate.of(2024, 4, 30), 1000)).contains(new BigDecimal("0.05"));
        assertThat(rules.ratio(lifted, LocalDate.of(2024, 5, 6), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.ratio(lifted, LocalDate.of(2022, 12, 30), 1000)).contains(new BigDecimal("0.10"));
    }

    @Test
    void mainBoardRegistrationListingsHaveFiveFreeDaysFrom20230410() {
        SecurityInfo first = listed("601061", "中信金属", LocalDate.of(2023, 4, 10));
        for (int day = 0; day < 5; day++) {
            assertThat(rules.limit(first, LocalDate.of(2023, 4, 10).plusDays(day), day, 10)).as("day %d", day).isEmpty();
        }
        assertThat(rules.ratio(first, LocalDate.of(2023, 4, 17), 5)).contains(new BigDecimal("0.10"));
        // listed the trading day before: the old rules, first day capped at +44% / -36%, then ±10%
        SecurityInfo before = listed("603000", "旧规新股", LocalDate.of(2023, 4, 7));
        PriceLimit day0 = rules.limit(before, LocalDate.of(2023, 4, 7), 0, 10.00).orElseThrow();
        assertThat(day0.up()).isEqualByComparingTo("14.40");
        assertThat(day0.down()).isEqualByComparingTo("6.40");
        assertThat(rules.ratio(before, LocalDate.of(2023, 4, 10), 1)).contains(new BigDecimal("0.10"));
        // a listing before the 2014 cap had no first-day limit at all
        assertThat(rules.limit(listed("601398", "工商银行", LocalDate.of(2006, 10, 27)), LocalDate.of(2006, 10, 27), 0, 3.12))
                .isEmpty();
    }

    @Test
    void chinextReformBoundary() {
        // 2020-08-21 (Friday): old rules, ±10% for a seasoned stock, ±5% for ST
        assertThat(rules.ratio(sec("300001", "特锐德"), LocalDate.of(2020, 8, 21), 1000)).contains(new BigDecimal("0.10"));
        assertThat(rules.ratio(sec("300001", "ST特锐"), LocalDate.of(2020, 8, 21), 1000)).contains(new BigDecimal("0.05"));
        assertThat(rules.ratio(sec("300001", "特锐德"), LocalDate.of(2020, 8, 24), 1000)).contains(new BigDecimal("0.20"));
        assertThat(rules.ratio(sec("300001", "ST特锐"), LocalDate.of(2020, 8, 24), 1000)).contains(new BigDecimal("0.20"));
        // the first registration-system listings of 2020-08-24: five free days, then ±20%
        SecurityInfo ipo = listed("300836", "佰奥智能", LocalDate.of(2020, 8, 24));
        assertThat(rules.limit(ipo, LocalDate.of(2020, 8, 28), 4, 50)).isEmpty();
        assertThat(rules.ratio(ipo, LocalDate.of(2020, 8, 31), 5)).contains(new BigDecimal("0.20"));
        // listed under the old rules days before the reform: capped first day, then ±20% from the reform day
        SecurityInfo old = listed("300830", "金现代", LocalDate.of(2020, 8, 20));
        assertThat(rules.ratio(old, LocalDate.of(2020, 8, 20), 0)).contains(new BigDecimal("0.44"));
        assertThat(rules.ratio(old, LocalDate.of(2020, 8, 21), 1)).contains(new BigDecimal("0.10"));
        assertThat(rules.ratio(old, LocalDate.of(2020, 8, 24), 2)).contains(new BigDecimal("0.20"));
    }

    @Test
    void starFromItsFirstListingsAndBseFirstDay() {
        SecurityInfo star = listed("688001", "华兴源创", LocalDate.of(2019, 7, 22));
        assertThat(rules.limit(star, LocalDate.of(2019, 7, 22), 0, 24.26)).isEmpty();
        assertThat(rules.limit(star, LocalDate.of(2019, 7, 26), 4, 30)).isEmpty();
        assertThat(rules.ratio(star, LocalDate.of(2019, 7, 29), 5)).contains(new BigDecimal("0.20"));
        SecurityInfo bse = listed("920001", "纬达光电", LocalDate.of(2024, 12, 6));
        assertThat(rules.limit(bse, LocalDate.of(2024, 12, 6), 0, 10)).isEmpty();
        assertThat(rules.ratio(bse, LocalDate.of(2024, 12, 9), 1)).contains(new BigDecimal("0.30"));
    }

    @Test
    void aResumedStockIsLimitedFromItsLastTradedClose() {
        // suspended 2024-03-01..2024-03-29; the first bar after resumption has the pre-suspension close as preClose
        BarSeries series = new BarSeries(listed("600004", "白云机场", LocalDate.of(2003, 4, 28)), java.util.List.of(
                new Bar(LocalDate.of(2024, 2, 29), 10.00, 10.00, 10.20, 9.90, 10.10, 1e6, 1e7),
                new Bar(LocalDate.of(2024, 4, 1), 10.10, 10.50, 11.11, 10.40, 11.11, 3e6, 3e7)));
        int i = 1;
        PriceLimit limit = rules.limit(series.security(), series.date(i), PriceLimitRules.dayOfListing(series, i),
                series.preClose(i)).orElseThrow();
        assertThat(limit.up()).isEqualByComparingTo("11.11");
        assertThat(limit.isLimitUp(series.bars().get(i).close())).isTrue();
    }
}
